CREATE TABLE "monitoring"."notifier_partitions" (
	"partition" integer PRIMARY KEY NOT NULL,
	"change_seq" bigint NOT NULL,
	"holder" text,
	"lease_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "monitoring"."notifier_replicas" (
	"id" text PRIMARY KEY NOT NULL,
	"seen_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
-- hand-written: 16 partitions of the sets, each starting where the single notifier stopped (0 on a new register).
INSERT INTO "monitoring"."notifier_partitions" ("partition", "change_seq")
SELECT p, coalesce((SELECT "change_seq" FROM "monitoring"."follower_position" WHERE "id" = 1), 0)
FROM generate_series(0, 15) p
ON CONFLICT DO NOTHING;
