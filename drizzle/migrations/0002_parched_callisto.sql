CREATE SCHEMA "monitoring";
--> statement-breakpoint
CREATE TABLE "person"."change_log" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"person_code" char(11) NOT NULL,
	"data_groups" text[] NOT NULL,
	"kind" text NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person"."change_sequence" (
	"id" integer PRIMARY KEY NOT NULL,
	"value" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitoring"."follower_position" (
	"id" integer PRIMARY KEY NOT NULL,
	"change_seq" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitoring"."members" (
	"set_id" integer NOT NULL,
	"person_code" char(11) NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "members_set_id_person_code_pk" PRIMARY KEY("set_id","person_code")
);
--> statement-breakpoint
CREATE TABLE "monitoring"."notifications" (
	"set_id" integer NOT NULL,
	"event_no" bigint NOT NULL,
	"change_seq" bigint NOT NULL,
	"person_code" char(11) NOT NULL,
	"data_groups" text[] NOT NULL,
	"changed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "notifications_set_id_event_no_pk" PRIMARY KEY("set_id","event_no")
);
--> statement-breakpoint
CREATE TABLE "monitoring"."sets" (
	"id" serial PRIMARY KEY NOT NULL,
	"requester_id" integer NOT NULL,
	"grant_id" integer NOT NULL,
	"name" text NOT NULL,
	"data_groups" text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"last_event_no" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "monitoring"."members" ADD CONSTRAINT "members_set_id_sets_id_fk" FOREIGN KEY ("set_id") REFERENCES "monitoring"."sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring"."notifications" ADD CONSTRAINT "notifications_set_id_sets_id_fk" FOREIGN KEY ("set_id") REFERENCES "monitoring"."sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "change_log_person_idx" ON "person"."change_log" USING btree ("person_code");--> statement-breakpoint
CREATE INDEX "members_person_idx" ON "monitoring"."members" USING btree ("person_code");--> statement-breakpoint
CREATE INDEX "sets_requester_idx" ON "monitoring"."sets" USING btree ("requester_id");