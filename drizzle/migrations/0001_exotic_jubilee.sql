CREATE SCHEMA "access";
--> statement-breakpoint
CREATE SCHEMA "audit";
--> statement-breakpoint
CREATE TYPE "access"."environment" AS ENUM('TEST', 'PRODUCTION');--> statement-breakpoint
CREATE TYPE "access"."role" AS ENUM('REQUESTER', 'REQUESTER_ADMIN', 'PROVIDER', 'OPERATOR');--> statement-breakpoint
CREATE TABLE "access"."api_keys" (
	"id" serial PRIMARY KEY NOT NULL,
	"requester_id" integer NOT NULL,
	"role" "access"."role" NOT NULL,
	"label" text NOT NULL,
	"prefix" text NOT NULL,
	"key_hash" char(64) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_keys_key_hash_unique" UNIQUE("key_hash")
);
--> statement-breakpoint
CREATE TABLE "audit"."chain_head" (
	"id" integer PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	"hash" char(64) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit"."disclosures" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"requester_id" integer NOT NULL,
	"key_id" integer NOT NULL,
	"grant_id" integer NOT NULL,
	"grant_number" text NOT NULL,
	"purpose" text NOT NULL,
	"person_code" char(11) NOT NULL,
	"data_groups" text[] NOT NULL,
	"operation_name" text,
	"operation_hash" char(64) NOT NULL,
	"request_id" text NOT NULL,
	"client_address" text,
	"prev_hash" char(64) NOT NULL,
	"hash" char(64) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "access"."grant_usage" (
	"grant_id" integer NOT NULL,
	"day" date NOT NULL,
	"requests" integer NOT NULL,
	CONSTRAINT "grant_usage_grant_id_day_pk" PRIMARY KEY("grant_id","day")
);
--> statement-breakpoint
CREATE TABLE "access"."grants" (
	"id" serial PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"requester_id" integer NOT NULL,
	"data_groups" text[] NOT NULL,
	"legal_basis" text NOT NULL,
	"purpose" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date NOT NULL,
	"environment" "access"."environment" NOT NULL,
	"daily_quota" integer,
	"monitoring_allowed" boolean DEFAULT false NOT NULL,
	"confidential" boolean DEFAULT false NOT NULL,
	"conditions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "grants_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "access"."requesters" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"registration_number" char(11) NOT NULL,
	"contact_email" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "requesters_registration_number_unique" UNIQUE("registration_number")
);
--> statement-breakpoint
ALTER TABLE "access"."api_keys" ADD CONSTRAINT "api_keys_requester_id_requesters_id_fk" FOREIGN KEY ("requester_id") REFERENCES "access"."requesters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access"."grant_usage" ADD CONSTRAINT "grant_usage_grant_id_grants_id_fk" FOREIGN KEY ("grant_id") REFERENCES "access"."grants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access"."grants" ADD CONSTRAINT "grants_requester_id_requesters_id_fk" FOREIGN KEY ("requester_id") REFERENCES "access"."requesters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "disclosures_person_idx" ON "audit"."disclosures" USING btree ("person_code");--> statement-breakpoint
CREATE INDEX "disclosures_requester_at_idx" ON "audit"."disclosures" USING btree ("requester_id","at");--> statement-breakpoint
CREATE INDEX "grants_requester_idx" ON "access"."grants" USING btree ("requester_id");