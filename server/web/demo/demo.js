// The demo host page's own script: what an integrator writes. A real integrator's getToken()
// would call their backend, which mints a short-lived Lantern JWT for the signed-in user.
document.getElementById("demo-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const token = document.getElementById("token").value.trim();
  const room = document.getElementById("room").value.trim();
  const slot = document.getElementById("slot");
  slot.replaceChildren();
  window.Lantern.mount(slot, { room, getToken: async () => token });
});
