-- Written by hand (drizzle-kit knows no extensions or functions): the key searchPersons
-- compares names by, lower case without diacritics ("Bērziņš" -> "berzins"). unaccent is
-- STABLE because its dictionary could be edited; naming the dictionary makes the result
-- fixed, so the wrapper may be IMMUTABLE and used in an index. unaccent is a trusted contrib
-- extension: the database owner may create it (an external server needs postgresql-contrib).
CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public;--> statement-breakpoint
CREATE OR REPLACE FUNCTION person.fold_name(name text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN lower(public.unaccent('public.unaccent'::regdictionary, name));--> statement-breakpoint
CREATE INDEX "addresses_building_idx" ON "person"."addresses" USING btree ("building_code");--> statement-breakpoint
CREATE INDEX "persons_former_codes_idx" ON "person"."persons" USING gin ("former_person_codes");--> statement-breakpoint
CREATE INDEX "persons_folded_name_birth_idx" ON "person"."persons" USING btree (person.fold_name("surname"),person.fold_name("given_name"),"birth_date");