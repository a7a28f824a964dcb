-- Global search (issue 19): search_docs is kept in step with the searchable tables by triggers, with the text
-- folded (lower case, NFC, no spaces) and the title's 초성 precomputed. Written by hand (drizzle-kit --custom).
CREATE OR REPLACE FUNCTION cas_search_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT regexp_replace(lower(normalize(coalesce(t, ''), NFC)), '\s+', '', 'g')
$$;
--> statement-breakpoint
-- Each Hangul syllable becomes its initial consonant (수입신고 → ㅅㅇㅅㄱ); everything else stays as it is.
CREATE OR REPLACE FUNCTION cas_chosung(t text) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  initials constant text := 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ';
  result text := '';
  ch text;
  code int;
BEGIN
  FOREACH ch IN ARRAY regexp_split_to_array(coalesce(t, ''), '') LOOP
    code := ascii(ch);
    IF code BETWEEN 44032 AND 55203 THEN
      result := result || substr(initials, (code - 44032) / 588 + 1, 1);
    ELSE
      result := result || ch;
    END IF;
  END LOOP;
  RETURN result;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION cas_search_put(
  p_kind text, p_ref uuid, p_title text, p_body text, p_owner uuid, p_visibility text, p_department text,
  p_members uuid[], p_hidden boolean, p_updated timestamptz
) RETURNS void LANGUAGE sql AS $$
  INSERT INTO search_docs (kind, ref_id, title, body, folded, chosung, owner_id, visibility, department, members, hidden, updated_at)
  VALUES (p_kind, p_ref, p_title, coalesce(p_body, ''), cas_search_fold(p_title || ' ' || coalesce(p_body, '')),
          cas_chosung(cas_search_fold(p_title)), p_owner, p_visibility, p_department, p_members, p_hidden, p_updated)
  ON CONFLICT (kind, ref_id) DO UPDATE SET
    title = excluded.title, body = excluded.body, folded = excluded.folded, chosung = excluded.chosung,
    owner_id = excluded.owner_id, visibility = excluded.visibility, department = excluded.department,
    members = excluded.members, hidden = excluded.hidden, updated_at = excluded.updated_at
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION cas_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  kind text := CASE TG_TABLE_NAME
    WHEN 'pipelines' THEN 'pipeline' WHEN 'templates' THEN 'template' WHEN 'datasets' THEN 'dataset'
    WHEN 'dashboards' THEN 'dashboard' ELSE 'request' END;
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM search_docs WHERE search_docs.kind = kind AND ref_id = OLD.id;
    RETURN OLD;
  END IF;
  IF TG_TABLE_NAME = 'pipelines' THEN
    PERFORM cas_search_put(kind, NEW.id, NEW.name, NEW.description || ' ' || array_to_string(NEW.tags, ' '),
      NEW.owner_id, NEW.visibility, NEW.department, '{}', NEW.deleted_at IS NOT NULL, NEW.updated_at);
  ELSIF TG_TABLE_NAME = 'templates' THEN
    PERFORM cas_search_put(kind, NEW.id, NEW.title, NEW.description || ' ' || array_to_string(NEW.tags, ' '),
      NEW.owner_id, CASE WHEN NEW.status = 'published' THEN 'public' ELSE 'private' END, NULL, '{}', false,
      NEW.updated_at);
  ELSIF TG_TABLE_NAME = 'datasets' THEN
    PERFORM cas_search_put(kind, NEW.id, NEW.name, NEW.original_name, NEW.owner_id, NEW.visibility,
      NEW.department, '{}', false, NEW.updated_at);
  ELSIF TG_TABLE_NAME = 'dashboards' THEN
    PERFORM cas_search_put(kind, NEW.id, NEW.title, '', NEW.owner_id, NEW.visibility, NEW.department, '{}',
      NEW.deleted_at IS NOT NULL, NEW.updated_at);
  ELSE
    PERFORM cas_search_put(kind, NEW.id, NEW.title, NEW.purpose || ' ' || NEW.content || ' ' || NEW.data_wanted,
      NEW.requester_id, 'request', NEW.department,
      CASE WHEN NEW.analyst_id IS NULL THEN '{}'::uuid[] ELSE ARRAY[NEW.analyst_id] END, false, NEW.updated_at);
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER pipelines_search AFTER INSERT OR UPDATE OR DELETE ON pipelines FOR EACH ROW EXECUTE FUNCTION cas_search_sync();
--> statement-breakpoint
CREATE TRIGGER templates_search AFTER INSERT OR UPDATE OR DELETE ON templates FOR EACH ROW EXECUTE FUNCTION cas_search_sync();
--> statement-breakpoint
CREATE TRIGGER datasets_search AFTER INSERT OR UPDATE OR DELETE ON datasets FOR EACH ROW EXECUTE FUNCTION cas_search_sync();
--> statement-breakpoint
CREATE TRIGGER dashboards_search AFTER INSERT OR UPDATE OR DELETE ON dashboards FOR EACH ROW EXECUTE FUNCTION cas_search_sync();
--> statement-breakpoint
CREATE TRIGGER analysis_requests_search AFTER INSERT OR UPDATE OR DELETE ON analysis_requests FOR EACH ROW EXECUTE FUNCTION cas_search_sync();
--> statement-breakpoint
-- Rows that existed before this migration: touch each once so its trigger indexes it.
UPDATE pipelines SET updated_at = updated_at;
--> statement-breakpoint
UPDATE templates SET updated_at = updated_at;
--> statement-breakpoint
UPDATE datasets SET updated_at = updated_at;
--> statement-breakpoint
UPDATE dashboards SET updated_at = updated_at;
--> statement-breakpoint
-- Trigram indexes where pg_trgm can be had (PostgreSQL contrib; PGlite loads it in server/db/client.ts).
-- Without it the same LIKE queries scan search_docs: same answers, slower on large libraries.
DO $$
BEGIN
  BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
  EXCEPTION WHEN others THEN
    RAISE NOTICE 'pg_trgm is not available: global search runs without trigram indexes';
  END;
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
    EXECUTE 'CREATE INDEX IF NOT EXISTS search_docs_folded_trgm ON search_docs USING gin (folded gin_trgm_ops)';
    EXECUTE 'CREATE INDEX IF NOT EXISTS search_docs_chosung_trgm ON search_docs USING gin (chosung gin_trgm_ops)';
  END IF;
END
$$;
