-- Case file schema 6: the detection rules of each run (issue 9). Every threshold the engine judged by,
-- as the JSON of a DetectionRules record, beside the run's options_json. Runs made before this schema
-- keep NULL: their rules were not recorded, and are never read as today's defaults.
ALTER TABLE analysis_runs ADD COLUMN rules_json TEXT;
