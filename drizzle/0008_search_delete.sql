-- Deleting a pipeline, template, dataset, dashboard or request failed: in the trigger's DELETE branch `kind` named
-- both the variable and search_docs' column (ambiguous in PL/pgSQL). The variable is renamed; nothing else changes.
CREATE OR REPLACE FUNCTION cas_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  doc_kind text := CASE TG_TABLE_NAME
    WHEN 'pipelines' THEN 'pipeline' WHEN 'templates' THEN 'template' WHEN 'datasets' THEN 'dataset'
    WHEN 'dashboards' THEN 'dashboard' ELSE 'request' END;
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM search_docs WHERE search_docs.kind = doc_kind AND search_docs.ref_id = OLD.id;
    RETURN OLD;
  END IF;
  IF TG_TABLE_NAME = 'pipelines' THEN
    PERFORM cas_search_put(doc_kind, NEW.id, NEW.name, NEW.description || ' ' || array_to_string(NEW.tags, ' '),
      NEW.owner_id, NEW.visibility, NEW.department, '{}', NEW.deleted_at IS NOT NULL, NEW.updated_at);
  ELSIF TG_TABLE_NAME = 'templates' THEN
    PERFORM cas_search_put(doc_kind, NEW.id, NEW.title, NEW.description || ' ' || array_to_string(NEW.tags, ' '),
      NEW.owner_id, CASE WHEN NEW.status = 'published' THEN 'public' ELSE 'private' END, NULL, '{}', false,
      NEW.updated_at);
  ELSIF TG_TABLE_NAME = 'datasets' THEN
    PERFORM cas_search_put(doc_kind, NEW.id, NEW.name, NEW.original_name, NEW.owner_id, NEW.visibility,
      NEW.department, '{}', false, NEW.updated_at);
  ELSIF TG_TABLE_NAME = 'dashboards' THEN
    PERFORM cas_search_put(doc_kind, NEW.id, NEW.title, '', NEW.owner_id, NEW.visibility, NEW.department, '{}',
      NEW.deleted_at IS NOT NULL, NEW.updated_at);
  ELSE
    PERFORM cas_search_put(doc_kind, NEW.id, NEW.title, NEW.purpose || ' ' || NEW.content || ' ' || NEW.data_wanted,
      NEW.requester_id, 'request', NEW.department,
      CASE WHEN NEW.analyst_id IS NULL THEN '{}'::uuid[] ELSE ARRAY[NEW.analyst_id] END, false, NEW.updated_at);
  END IF;
  RETURN NEW;
END
$$;
