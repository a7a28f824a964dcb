CREATE TABLE "dataset_catalog" (
	"dataset_id" uuid PRIMARY KEY NOT NULL,
	"stage" text,
	"refresh" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dataset_catalog" ADD CONSTRAINT "dataset_catalog_dataset_id_datasets_id_fk" FOREIGN KEY ("dataset_id") REFERENCES "public"."datasets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dataset_catalog" ADD CONSTRAINT "dataset_catalog_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;