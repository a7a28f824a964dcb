CREATE TABLE "analysis_request_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" integer GENERATED ALWAYS AS IDENTITY (sequence name "analysis_request_events_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"request_id" uuid NOT NULL,
	"actor_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analysis_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"requester_id" uuid NOT NULL,
	"department" text,
	"title" text NOT NULL,
	"purpose" text DEFAULT '' NOT NULL,
	"content" text DEFAULT '' NOT NULL,
	"data_wanted" text DEFAULT '' NOT NULL,
	"due_date" date,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"state" text DEFAULT 'submitted' NOT NULL,
	"reviewer_id" uuid,
	"cooperation_department" text,
	"analyst_id" uuid,
	"result_kind" text,
	"result_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "analysis_requests_state_check" CHECK ("analysis_requests"."state" in ('submitted', 'approved', 'cooperation', 'in_analysis', 'completed', 'rejected', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "search_docs" (
	"kind" text NOT NULL,
	"ref_id" uuid NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"folded" text NOT NULL,
	"chosung" text NOT NULL,
	"owner_id" uuid,
	"visibility" text NOT NULL,
	"department" text,
	"members" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"hidden" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "search_docs_kind_ref_id_pk" PRIMARY KEY("kind","ref_id")
);
--> statement-breakpoint
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_kind_check";--> statement-breakpoint
ALTER TABLE "analysis_request_events" ADD CONSTRAINT "analysis_request_events_request_id_analysis_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."analysis_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_request_events" ADD CONSTRAINT "analysis_request_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_requests" ADD CONSTRAINT "analysis_requests_requester_id_users_id_fk" FOREIGN KEY ("requester_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_requests" ADD CONSTRAINT "analysis_requests_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_requests" ADD CONSTRAINT "analysis_requests_analyst_id_users_id_fk" FOREIGN KEY ("analyst_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "analysis_request_events_request_idx" ON "analysis_request_events" USING btree ("request_id","at");--> statement-breakpoint
CREATE INDEX "analysis_requests_requester_idx" ON "analysis_requests" USING btree ("requester_id","updated_at");--> statement-breakpoint
CREATE INDEX "analysis_requests_analyst_idx" ON "analysis_requests" USING btree ("analyst_id","updated_at");--> statement-breakpoint
CREATE INDEX "analysis_requests_state_idx" ON "analysis_requests" USING btree ("state","department");--> statement-breakpoint
CREATE INDEX "search_docs_updated_idx" ON "search_docs" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "runs_created_idx" ON "runs" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "runs_requested_idx" ON "runs" USING btree ("requested_by","created_at");--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_kind_check" CHECK ("notifications"."kind" in ('run_failed', 'watch_rows', 'request'));