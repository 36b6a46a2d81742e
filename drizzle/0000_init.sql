CREATE TABLE `audit` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tenant` text NOT NULL,
	`at` text NOT NULL,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`target` text,
	`details` text NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_tenant` ON `audit` (`tenant`,`id`);--> statement-breakpoint
CREATE TABLE `audit_heads` (
	`tenant` text PRIMARY KEY NOT NULL,
	`last_id` integer NOT NULL,
	`last_hash` text NOT NULL,
	`count` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `cases` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant` text NOT NULL,
	`room_id` text,
	`message_id` text,
	`thread_id` text,
	`reply_id` text,
	`source` text NOT NULL,
	`level` integer NOT NULL,
	`category` text,
	`status` text NOT NULL,
	`tier` integer NOT NULL,
	`subject_handle` text,
	`reporter_handle` text,
	`assignee` text,
	`notes` text NOT NULL,
	`created_at` text NOT NULL,
	`due_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `cases_sweep` ON `cases` (`status`,`due_at`);--> statement-breakpoint
CREATE INDEX `cases_tenant` ON `cases` (`tenant`,`status`);--> statement-breakpoint
CREATE TABLE `messages` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant` text NOT NULL,
	`room_id` text NOT NULL,
	`seq` integer,
	`author_handle` text NOT NULL,
	`client_id` text NOT NULL,
	`body` text NOT NULL,
	`status` text NOT NULL,
	`reply_to` text,
	`action` text NOT NULL,
	`reasons` text NOT NULL,
	`findings` text NOT NULL,
	`level` integer DEFAULT 0 NOT NULL,
	`category` text,
	`created_at` text NOT NULL,
	`edited_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `messages_room_seq` ON `messages` (`room_id`,`seq`);--> statement-breakpoint
CREATE UNIQUE INDEX `messages_idempotency` ON `messages` (`room_id`,`author_handle`,`client_id`);--> statement-breakpoint
CREATE INDEX `messages_tenant_status` ON `messages` (`tenant`,`status`);--> statement-breakpoint
CREATE INDEX `messages_created` ON `messages` (`tenant`,`created_at`);--> statement-breakpoint
CREATE TABLE `mutes` (
	`room_id` text NOT NULL,
	`handle` text NOT NULL,
	`until` text NOT NULL,
	`by` text NOT NULL,
	PRIMARY KEY(`room_id`, `handle`)
);
--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant` text NOT NULL,
	`type` text NOT NULL,
	`body` text NOT NULL,
	`created_at` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text NOT NULL,
	`lease_owner` text,
	`lease_until` text,
	`delivered_at` text,
	`failed_at` text,
	`last_error` text
);
--> statement-breakpoint
CREATE INDEX `outbox_due` ON `outbox` (`delivered_at`,`failed_at`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `rate_limits` (
	`key` text PRIMARY KEY NOT NULL,
	`window_start` integer NOT NULL,
	`count` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `reactions` (
	`message_id` text NOT NULL,
	`handle` text NOT NULL,
	`emoji` text NOT NULL,
	PRIMARY KEY(`message_id`, `handle`, `emoji`)
);
--> statement-breakpoint
CREATE TABLE `replies` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant` text NOT NULL,
	`thread_id` text NOT NULL,
	`author_handle` text NOT NULL,
	`client_id` text NOT NULL,
	`body` text NOT NULL,
	`status` text NOT NULL,
	`action` text NOT NULL,
	`reasons` text NOT NULL,
	`findings` text NOT NULL,
	`created_at` text NOT NULL,
	`edited_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `replies_idempotency` ON `replies` (`tenant`,`author_handle`,`client_id`);--> statement-breakpoint
CREATE INDEX `replies_thread` ON `replies` (`thread_id`,`created_at`,`id`);--> statement-breakpoint
CREATE TABLE `room_members` (
	`room_id` text NOT NULL,
	`handle` text NOT NULL,
	`enrolled` integer DEFAULT false NOT NULL,
	`joined` integer DEFAULT false NOT NULL,
	`removed_at` text,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`room_id`, `handle`)
);
--> statement-breakpoint
CREATE TABLE `rooms` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant` text NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`topic` text,
	`visibility` text NOT NULL,
	`policy` text,
	`last_seq` integer DEFAULT 0 NOT NULL,
	`created_by` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `rooms_tenant` ON `rooms` (`tenant`);--> statement-breakpoint
CREATE TABLE `threads` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant` text NOT NULL,
	`author_handle` text NOT NULL,
	`client_id` text NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`status` text NOT NULL,
	`tags` text NOT NULL,
	`locked` integer DEFAULT false NOT NULL,
	`reply_count` integer DEFAULT 0 NOT NULL,
	`action` text NOT NULL,
	`reasons` text NOT NULL,
	`findings` text NOT NULL,
	`created_at` text NOT NULL,
	`edited_at` text,
	`last_activity_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `threads_idempotency` ON `threads` (`tenant`,`author_handle`,`client_id`);--> statement-breakpoint
CREATE INDEX `threads_activity` ON `threads` (`tenant`,`last_activity_at`,`id`);--> statement-breakpoint
CREATE TABLE `users` (
	`tenant` text NOT NULL,
	`sub` text NOT NULL,
	`handle` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`tenant`, `sub`)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_handle` ON `users` (`tenant`,`handle`);