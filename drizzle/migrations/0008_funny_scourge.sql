CREATE TYPE "access"."application_status" AS ENUM('SUBMITTED', 'CHANGES_REQUESTED', 'REJECTED', 'APPROVED', 'ACCEPTANCE_REPORTED', 'ACCEPTED', 'IN_PRODUCTION');--> statement-breakpoint
CREATE TABLE "access"."acceptance_acts" (
	"application_id" integer PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"date" date NOT NULL,
	"signatories" text[] NOT NULL,
	"accepted_data_groups" text[] NOT NULL,
	"document" "bytea" NOT NULL,
	"document_sha256" char(64) NOT NULL,
	"document_media_type" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recorded_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "access"."application_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"application_id" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"action" text NOT NULL,
	"actor" text NOT NULL,
	"note" text,
	"environment" "access"."environment" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "access"."applications" (
	"id" serial PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"status" "access"."application_status" DEFAULT 'SUBMITTED' NOT NULL,
	"organisation_name" text NOT NULL,
	"registration_number" char(11) NOT NULL,
	"contact_name" text NOT NULL,
	"contact_email" text NOT NULL,
	"system_name" text NOT NULL,
	"system_description" text NOT NULL,
	"data_groups" text[] NOT NULL,
	"legal_basis" text NOT NULL,
	"purpose" text NOT NULL,
	"needs_monitoring" boolean DEFAULT false NOT NULL,
	"token_hash" char(64) NOT NULL,
	"requester_id" integer,
	"approved_data_groups" text[],
	"requests_per_minute" integer,
	"persons_per_day" integer,
	"grant_id" integer,
	"review_note" text,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "applications_number_unique" UNIQUE("number"),
	CONSTRAINT "applications_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "access"."oauth_client_secrets" (
	"id" serial PRIMARY KEY NOT NULL,
	"oauth_client_id" integer NOT NULL,
	"secret_hash" char(64) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"valid_until" timestamp with time zone,
	CONSTRAINT "oauth_client_secrets_secret_hash_unique" UNIQUE("secret_hash")
);
--> statement-breakpoint
CREATE TABLE "access"."oauth_clients" (
	"id" serial PRIMARY KEY NOT NULL,
	"client_id" text NOT NULL,
	"application_id" integer NOT NULL,
	"environment" "access"."environment" NOT NULL,
	"key_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "oauth_clients_client_id_unique" UNIQUE("client_id")
);
--> statement-breakpoint
ALTER TABLE "access"."acceptance_acts" ADD CONSTRAINT "acceptance_acts_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "access"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access"."application_events" ADD CONSTRAINT "application_events_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "access"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access"."applications" ADD CONSTRAINT "applications_requester_id_requesters_id_fk" FOREIGN KEY ("requester_id") REFERENCES "access"."requesters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access"."applications" ADD CONSTRAINT "applications_grant_id_grants_id_fk" FOREIGN KEY ("grant_id") REFERENCES "access"."grants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access"."oauth_client_secrets" ADD CONSTRAINT "oauth_client_secrets_oauth_client_id_oauth_clients_id_fk" FOREIGN KEY ("oauth_client_id") REFERENCES "access"."oauth_clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access"."oauth_clients" ADD CONSTRAINT "oauth_clients_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "access"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access"."oauth_clients" ADD CONSTRAINT "oauth_clients_key_id_api_keys_id_fk" FOREIGN KEY ("key_id") REFERENCES "access"."api_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "application_events_application_idx" ON "access"."application_events" USING btree ("application_id","id");--> statement-breakpoint
CREATE INDEX "applications_status_idx" ON "access"."applications" USING btree ("status","id");--> statement-breakpoint
CREATE INDEX "oauth_client_secrets_client_idx" ON "access"."oauth_client_secrets" USING btree ("oauth_client_id");--> statement-breakpoint
CREATE UNIQUE INDEX "oauth_clients_application_environment_idx" ON "access"."oauth_clients" USING btree ("application_id","environment");