-- Grain: one row holding the curator's changelog of data releases (data/CHANGELOG.md, kept by the loader
-- in meta), or no row when the data folder keeps none: what the Sources page shows as text.
-- Parameters: none.
select value as changelog
from meta
where key = 'changelog'
