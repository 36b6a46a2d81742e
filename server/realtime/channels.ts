/** Socket.IO room names, one place: only the realtime layer knows them. */
export const channel = {
  room: (roomId: string) => `room:${roomId}`,
  user: (tenant: string, handle: string) => `user:${tenant}:${handle}`,
  staff: (tenant: string) => `staff:${tenant}`,
  staffTier2: (tenant: string) => `staff2:${tenant}`,
  forum: (tenant: string) => `forum:${tenant}`,
};
