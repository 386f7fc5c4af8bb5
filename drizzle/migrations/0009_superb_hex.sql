CREATE SCHEMA "portal";
--> statement-breakpoint
CREATE TYPE "access"."membership_status" AS ENUM('ACTIVE', 'SUSPENDED', 'REMOVED');--> statement-breakpoint
CREATE TYPE "access"."organisation_role" AS ENUM('SIGNATORY', 'ORG_ADMIN', 'PDP_USER', 'DEVELOPER');--> statement-breakpoint
CREATE TYPE "access"."people_action" AS ENUM('ADDED', 'ROLES_CHANGED', 'SUSPENDED', 'REINSTATED', 'REMOVED', 'SIGNATORY_APPOINTED');--> statement-breakpoint
CREATE TYPE "access"."platform_role" AS ENUM('OPERATOR', 'PORTAL_ADMIN');--> statement-breakpoint
CREATE TABLE "access"."memberships" (
	"requester_id" integer NOT NULL,
	"person_code" char(11) NOT NULL,
	"display_name" text,
	"roles" "access"."organisation_role"[] NOT NULL,
	"status" "access"."membership_status" DEFAULT 'ACTIVE' NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memberships_requester_id_person_code_pk" PRIMARY KEY("requester_id","person_code")
);
--> statement-breakpoint
CREATE TABLE "access"."people_events" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor" text NOT NULL,
	"requester_id" integer NOT NULL,
	"person_code" char(11) NOT NULL,
	"action" "access"."people_action" NOT NULL,
	"roles" "access"."organisation_role"[] DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "access"."platform_roles" (
	"person_code" char(11) NOT NULL,
	"role" "access"."platform_role" NOT NULL,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "platform_roles_person_code_role_pk" PRIMARY KEY("person_code","role")
);
--> statement-breakpoint
CREATE TABLE "portal"."lookup_counts" (
	"person_code" char(11) NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "lookup_counts_person_code_hour_pk" PRIMARY KEY("person_code","hour")
);
--> statement-breakpoint
CREATE TABLE "portal"."pending_logins" (
	"id_hash" char(64) PRIMARY KEY NOT NULL,
	"state" text NOT NULL,
	"nonce" text NOT NULL,
	"code_verifier" text NOT NULL,
	"return_to" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portal"."sessions" (
	"token_hash" char(64) PRIMARY KEY NOT NULL,
	"person_code" char(11) NOT NULL,
	"name" text,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"idle_expires_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "audit"."disclosures" ADD COLUMN "actor_person_code" char(11);--> statement-breakpoint
ALTER TABLE "audit"."disclosures" ADD COLUMN "channel" text;--> statement-breakpoint
ALTER TABLE "audit"."disclosures" ADD COLUMN "case_reference" text;--> statement-breakpoint
ALTER TABLE "access"."grants" ADD COLUMN "manual_lookup" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "access"."memberships" ADD CONSTRAINT "memberships_requester_id_requesters_id_fk" FOREIGN KEY ("requester_id") REFERENCES "access"."requesters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "memberships_person_idx" ON "access"."memberships" USING btree ("person_code");--> statement-breakpoint
CREATE INDEX "people_events_requester_idx" ON "access"."people_events" USING btree ("requester_id","seq");--> statement-breakpoint
CREATE INDEX "sessions_person_idx" ON "portal"."sessions" USING btree ("person_code");