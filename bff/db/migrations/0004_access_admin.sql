CREATE TABLE `extension_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`grant_id` text NOT NULL,
	`user_id` text NOT NULL,
	`partner_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`reason` text NOT NULL,
	`state` text NOT NULL,
	`requested_at` integer NOT NULL,
	`requested_expires_at` integer,
	`current_expires_at` integer,
	`decided_at` integer,
	`decided_by` text,
	`approved_expires_at` integer,
	`note` text,
	FOREIGN KEY (`grant_id`) REFERENCES `access_grants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`partner_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `extension_requests_partner_idx` ON `extension_requests` (`partner_id`,`state`);--> statement-breakpoint
CREATE INDEX `extension_requests_user_idx` ON `extension_requests` (`user_id`,`state`);--> statement-breakpoint
CREATE UNIQUE INDEX `extension_requests_one_pending` ON `extension_requests` (`grant_id`) WHERE state = 'pending';--> statement-breakpoint
CREATE TABLE `invitations` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`email` text NOT NULL,
	`role` text NOT NULL,
	`token_hash` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invitations_token_unique` ON `invitations` (`token_hash`);--> statement-breakpoint
CREATE TABLE `tenant_accounts` (
	`tenant_id` text PRIMARY KEY NOT NULL,
	`alternate_email` text NOT NULL,
	`notification_email` text NOT NULL,
	`city` text NOT NULL,
	`address` text NOT NULL,
	`postal_code` text NOT NULL,
	`state` text NOT NULL,
	`application_server` text NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `access_grants` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `audit_events` ADD `subject_user_id` text;--> statement-breakpoint
CREATE INDEX `audit_events_subject_idx` ON `audit_events` (`subject_user_id`,`at`);--> statement-breakpoint
ALTER TABLE `relationships` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `relationships` ADD `notify_on_grant_changes` integer DEFAULT false NOT NULL;