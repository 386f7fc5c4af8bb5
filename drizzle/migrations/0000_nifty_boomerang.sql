CREATE SCHEMA "person";
--> statement-breakpoint
CREATE SCHEMA "catalog";
--> statement-breakpoint
CREATE TYPE "person"."address_kind" AS ENUM('MUNICIPALITY', 'CITY', 'PARISH', 'TOWN', 'VILLAGE', 'STREET', 'BUILDING', 'FLAT');--> statement-breakpoint
CREATE TYPE "person"."citizenship_status" AS ENUM('CITIZEN', 'NON_CITIZEN', 'FOREIGNER', 'STATELESS');--> statement-breakpoint
CREATE TYPE "person"."declaration_kind" AS ENUM('DECLARED', 'ADDITIONAL');--> statement-breakpoint
CREATE TYPE "person"."document_status" AS ENUM('VALID', 'EXPIRED', 'INVALID');--> statement-breakpoint
CREATE TYPE "person"."document_type" AS ENUM('PASSPORT', 'EID_CARD');--> statement-breakpoint
CREATE TYPE "person"."name_change_reason" AS ENUM('MARRIAGE', 'DIVORCE', 'APPLICATION');--> statement-breakpoint
CREATE TYPE "person"."parent_role" AS ENUM('MOTHER', 'FATHER');--> statement-breakpoint
CREATE TYPE "person"."sex" AS ENUM('MALE', 'FEMALE');--> statement-breakpoint
CREATE TABLE "person"."addresses" (
	"address_code" char(9) PRIMARY KEY NOT NULL,
	"kind" "person"."address_kind" NOT NULL,
	"name" text NOT NULL,
	"parent_code" char(9),
	"municipality_code" char(9) NOT NULL,
	"building_code" char(9),
	"postal_code" text,
	"full_address" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person"."declared_addresses" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"person_code" char(11) NOT NULL,
	"address_code" char(9) NOT NULL,
	"kind" "person"."declaration_kind" NOT NULL,
	"declared_from" date NOT NULL,
	"declared_to" date
);
--> statement-breakpoint
CREATE TABLE "person"."identity_documents" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"person_code" char(11) NOT NULL,
	"type" "person"."document_type" NOT NULL,
	"number" text NOT NULL,
	"issuer" text NOT NULL,
	"issue_date" date NOT NULL,
	"expiry_date" date NOT NULL,
	"status" "person"."document_status" NOT NULL,
	"status_reason" text,
	"status_changed_on" date
);
--> statement-breakpoint
CREATE TABLE "person"."marriages" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"spouse_a" char(11) NOT NULL,
	"spouse_b" char(11) NOT NULL,
	"married_on" date NOT NULL,
	"place" text NOT NULL,
	"divorced_on" date
);
--> statement-breakpoint
CREATE TABLE "person"."name_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"person_code" char(11) NOT NULL,
	"given_name" text NOT NULL,
	"surname" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date NOT NULL,
	"change_reason" "person"."name_change_reason" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person"."parent_child" (
	"parent_code" char(11) NOT NULL,
	"child_code" char(11) NOT NULL,
	"role" "person"."parent_role" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person"."persons" (
	"person_code" char(11) PRIMARY KEY NOT NULL,
	"former_person_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"given_name" text NOT NULL,
	"surname" text NOT NULL,
	"surname_at_birth" text NOT NULL,
	"sex" "person"."sex" NOT NULL,
	"birth_date" date NOT NULL,
	"birth_place" text NOT NULL,
	"birth_country" char(3) NOT NULL,
	"citizenship_status" "person"."citizenship_status" NOT NULL,
	"citizenship_country" char(3),
	"nationality" text,
	"death_date" date,
	"death_place" text
);
--> statement-breakpoint
CREATE TABLE "person"."seed_info" (
	"id" integer PRIMARY KEY NOT NULL,
	"seed" integer NOT NULL,
	"persons" integer NOT NULL,
	"generated_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalog"."datasets" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"provider_id" integer NOT NULL,
	"data_groups" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "datasets_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "catalog"."providers" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"registration_number" char(11) NOT NULL,
	"description" text NOT NULL,
	"contact_email" text NOT NULL,
	CONSTRAINT "providers_code_unique" UNIQUE("code"),
	CONSTRAINT "providers_registration_number_unique" UNIQUE("registration_number")
);
--> statement-breakpoint
ALTER TABLE "person"."declared_addresses" ADD CONSTRAINT "declared_addresses_person_code_persons_person_code_fk" FOREIGN KEY ("person_code") REFERENCES "person"."persons"("person_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person"."declared_addresses" ADD CONSTRAINT "declared_addresses_address_code_addresses_address_code_fk" FOREIGN KEY ("address_code") REFERENCES "person"."addresses"("address_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person"."identity_documents" ADD CONSTRAINT "identity_documents_person_code_persons_person_code_fk" FOREIGN KEY ("person_code") REFERENCES "person"."persons"("person_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person"."marriages" ADD CONSTRAINT "marriages_spouse_a_persons_person_code_fk" FOREIGN KEY ("spouse_a") REFERENCES "person"."persons"("person_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person"."marriages" ADD CONSTRAINT "marriages_spouse_b_persons_person_code_fk" FOREIGN KEY ("spouse_b") REFERENCES "person"."persons"("person_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person"."name_history" ADD CONSTRAINT "name_history_person_code_persons_person_code_fk" FOREIGN KEY ("person_code") REFERENCES "person"."persons"("person_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person"."parent_child" ADD CONSTRAINT "parent_child_parent_code_persons_person_code_fk" FOREIGN KEY ("parent_code") REFERENCES "person"."persons"("person_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person"."parent_child" ADD CONSTRAINT "parent_child_child_code_persons_person_code_fk" FOREIGN KEY ("child_code") REFERENCES "person"."persons"("person_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog"."datasets" ADD CONSTRAINT "datasets_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "catalog"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "addresses_parent_idx" ON "person"."addresses" USING btree ("parent_code");--> statement-breakpoint
CREATE INDEX "declared_addresses_person_idx" ON "person"."declared_addresses" USING btree ("person_code");--> statement-breakpoint
CREATE INDEX "declared_addresses_address_idx" ON "person"."declared_addresses" USING btree ("address_code") WHERE "person"."declared_addresses"."declared_to" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "identity_documents_number_idx" ON "person"."identity_documents" USING btree ("number");--> statement-breakpoint
CREATE INDEX "identity_documents_person_idx" ON "person"."identity_documents" USING btree ("person_code");--> statement-breakpoint
CREATE INDEX "marriages_spouse_a_idx" ON "person"."marriages" USING btree ("spouse_a");--> statement-breakpoint
CREATE INDEX "marriages_spouse_b_idx" ON "person"."marriages" USING btree ("spouse_b");--> statement-breakpoint
CREATE INDEX "name_history_person_idx" ON "person"."name_history" USING btree ("person_code");--> statement-breakpoint
CREATE UNIQUE INDEX "parent_child_pk" ON "person"."parent_child" USING btree ("parent_code","child_code");--> statement-breakpoint
CREATE INDEX "parent_child_child_idx" ON "person"."parent_child" USING btree ("child_code");--> statement-breakpoint
CREATE INDEX "persons_birth_date_idx" ON "person"."persons" USING btree ("birth_date");