CREATE TABLE `forum_heads` (
	`tenant` text PRIMARY KEY NOT NULL,
	`last_seq` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `replies` ADD `seq` integer;--> statement-breakpoint
CREATE INDEX `replies_seq` ON `replies` (`thread_id`,`seq`);--> statement-breakpoint
ALTER TABLE `threads` ADD `seq` integer;--> statement-breakpoint
ALTER TABLE `threads` ADD `activity_seq` integer;--> statement-breakpoint
CREATE UNIQUE INDEX `threads_feed` ON `threads` (`tenant`,`activity_seq`);