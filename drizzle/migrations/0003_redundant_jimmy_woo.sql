ALTER TABLE "monitoring"."sets" ADD COLUMN "grant_number" text;--> statement-breakpoint
CREATE VIEW "person"."condition_subjects" AS (
    select p.person_code, p.birth_date, p.sex::text as sex, p.citizenship_status::text as citizenship_status,
           p.citizenship_country as citizenship, p.death_date is not null as deceased,
           residence.municipality_code
      from person.persons p
      left join lateral (
        select a.municipality_code
          from person.declared_addresses d join person.addresses a on a.address_code = d.address_code
         where d.person_code = p.person_code and d.kind = 'DECLARED' and d.declared_to is null
         order by d.declared_from desc, d.id desc limit 1) residence on true);