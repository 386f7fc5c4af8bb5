CREATE TABLE "access"."rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"points" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "access"."grant_usage" ADD COLUMN "persons" integer DEFAULT 0 NOT NULL;