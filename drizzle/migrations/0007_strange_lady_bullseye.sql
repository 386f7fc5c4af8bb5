CREATE TYPE "access"."composite_operation_type" AS ENUM('QUERY', 'SUBSCRIPTION');--> statement-breakpoint
CREATE TYPE "access"."composite_set_status" AS ENUM('SUBMITTED', 'APPROVED', 'REJECTED', 'RETIRED');--> statement-breakpoint
CREATE TABLE "access"."composite_set_versions" (
	"set_id" integer NOT NULL,
	"version" integer NOT NULL,
	"document" text NOT NULL,
	"operation_name" text NOT NULL,
	"operation_type" "access"."composite_operation_type" NOT NULL,
	"document_hash" char(64) NOT NULL,
	"data_groups" text[] NOT NULL,
	"fields" text[] NOT NULL,
	"status" "access"."composite_set_status" DEFAULT 'SUBMITTED' NOT NULL,
	"reason" text,
	"submitted_by" integer NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	CONSTRAINT "composite_set_versions_set_id_version_pk" PRIMARY KEY("set_id","version")
);
--> statement-breakpoint
CREATE TABLE "access"."composite_sets" (
	"id" serial PRIMARY KEY NOT NULL,
	"requester_id" integer NOT NULL,
	"grant_id" integer NOT NULL,
	"title" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit"."disclosures" ADD COLUMN "composite_set_id" integer;--> statement-breakpoint
ALTER TABLE "audit"."disclosures" ADD COLUMN "composite_set_version" integer;--> statement-breakpoint
ALTER TABLE "access"."grants" ADD COLUMN "approved_sets_only" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "access"."composite_set_versions" ADD CONSTRAINT "composite_set_versions_set_id_composite_sets_id_fk" FOREIGN KEY ("set_id") REFERENCES "access"."composite_sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access"."composite_set_versions" ADD CONSTRAINT "composite_set_versions_submitted_by_api_keys_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "access"."api_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access"."composite_set_versions" ADD CONSTRAINT "composite_set_versions_decided_by_api_keys_id_fk" FOREIGN KEY ("decided_by") REFERENCES "access"."api_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access"."composite_sets" ADD CONSTRAINT "composite_sets_requester_id_requesters_id_fk" FOREIGN KEY ("requester_id") REFERENCES "access"."requesters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access"."composite_sets" ADD CONSTRAINT "composite_sets_grant_id_grants_id_fk" FOREIGN KEY ("grant_id") REFERENCES "access"."grants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "composite_set_versions_hash_idx" ON "access"."composite_set_versions" USING btree ("document_hash");--> statement-breakpoint
CREATE INDEX "composite_set_versions_status_idx" ON "access"."composite_set_versions" USING btree ("status");--> statement-breakpoint
CREATE INDEX "composite_sets_requester_idx" ON "access"."composite_sets" USING btree ("requester_id");