ALTER TABLE "audit"."disclosures" ADD COLUMN "actor_person_code" char(11);--> statement-breakpoint
ALTER TABLE "audit"."disclosures" ADD COLUMN "channel" text;--> statement-breakpoint
ALTER TABLE "audit"."disclosures" ADD COLUMN "case_reference" text;--> statement-breakpoint
ALTER TABLE "access"."grants" ADD COLUMN "manual_lookup" boolean DEFAULT false NOT NULL;