CREATE TYPE "access"."organisation_decision" AS ENUM('CONFIRMED', 'DECLINED');--> statement-breakpoint
ALTER TABLE "access"."grants" ALTER COLUMN "approved_sets_only" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "access"."api_keys" ADD COLUMN "application_id" integer;--> statement-breakpoint
ALTER TABLE "access"."grants" ADD COLUMN "safelist_waiver_reason" text;--> statement-breakpoint
ALTER TABLE "access"."grants" ADD COLUMN "safelist_waived_by_key_id" integer;--> statement-breakpoint
ALTER TABLE "access"."grants" ADD COLUMN "safelist_waived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "access"."grants" ADD COLUMN "application_id" integer;--> statement-breakpoint
ALTER TABLE "access"."acceptance_acts" ADD COLUMN "signature" text;--> statement-breakpoint
ALTER TABLE "access"."acceptance_acts" ADD COLUMN "signature_key_id" text;--> statement-breakpoint
ALTER TABLE "access"."applications" ADD COLUMN "existing_requester_id" integer;--> statement-breakpoint
ALTER TABLE "access"."applications" ADD COLUMN "organisation_decision" "access"."organisation_decision";--> statement-breakpoint
ALTER TABLE "access"."applications" ADD COLUMN "organisation_decided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "access"."applications" ADD COLUMN "organisation_decided_by_key_id" integer;--> statement-breakpoint
ALTER TABLE "access"."applications" ADD COLUMN "organisation_note" text;--> statement-breakpoint
ALTER TABLE "monitoring"."sets" ADD COLUMN "conditions" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "access"."applications" ADD CONSTRAINT "applications_existing_requester_id_requesters_id_fk" FOREIGN KEY ("existing_requester_id") REFERENCES "access"."requesters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access"."applications" ADD CONSTRAINT "applications_organisation_decided_by_key_id_api_keys_id_fk" FOREIGN KEY ("organisation_decided_by_key_id") REFERENCES "access"."api_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Hand-written backfill (keep it before the check when this migration is regenerated): bind the
-- grants and keys onboarding issued before application_id existed to their application, and hold
-- every PRODUCTION grant that is not safelisted to its approved sets (fail closed: no waiver was
-- ever recorded for them; an operator waives again, with a reason, where it is needed).
UPDATE "access"."grants" g SET "application_id" = a."id" FROM "access"."applications" a WHERE a."grant_id" = g."id";--> statement-breakpoint
UPDATE "access"."api_keys" k SET "application_id" = c."application_id" FROM "access"."oauth_clients" c WHERE c."key_id" = k."id";--> statement-breakpoint
UPDATE "access"."api_keys" k SET "application_id" = a."id" FROM "access"."applications" a WHERE k."requester_id" = a."requester_id" AND k."label" IN ('API key, application ' || a."number" || ' (test)', 'API key, application ' || a."number" || ' (production)');--> statement-breakpoint
UPDATE "access"."grants" SET "approved_sets_only" = true WHERE "environment" = 'PRODUCTION' AND NOT "approved_sets_only";--> statement-breakpoint
ALTER TABLE "access"."grants" ADD CONSTRAINT "grants_production_safelisted" CHECK ("access"."grants"."environment" <> 'PRODUCTION' or "access"."grants"."approved_sets_only" or ("access"."grants"."safelist_waiver_reason" is not null and "access"."grants"."safelist_waived_at" is not null and "access"."grants"."safelist_waived_by_key_id" is not null));