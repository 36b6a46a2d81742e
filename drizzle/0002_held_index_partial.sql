DROP INDEX `messages_tenant_status`;--> statement-breakpoint
CREATE INDEX `messages_held` ON `messages` (`tenant`,`created_at`) WHERE "messages"."status" = 'held';