-- Grain: one row per air-attack report (one claimant's report of one period and one weapon model) whose
-- night — the day its period ends — is in the period, with the claimant's name and the source to cite:
-- for the page's table, its export and its citations. Figures come with their qualifiers and the
-- source's phrases; an empty figure is "not reported", never 0. Period times are as the source gives
-- them (`YYYY-MM-DD HH:MM`, or `YYYY-MM-DD` when it gives no hour).
-- Parameters: $date_from, $date_to (dates: nights in the period), $actors (actor ids of claimants; empty = all).
select
    air_night(a.period_end) as night,
    a.report_id,
    a.period_start,
    a.period_end,
    a.claimant,
    coalesce(c.name, a.claimant) as claimant_name,
    a.weapon_model,
    coalesce(a.weapon, 'unknown') as weapon,
    a.weapon = 'recon_drone' as recon,
    a.launched, a.launched_qualifier, a.launched_phrase,
    a.destroyed, a.destroyed_qualifier, a.destroyed_phrase,
    a.not_reached, a.not_reached_qualifier, a.not_reached_phrase,
    a.target_area,
    a.status,
    a.reported_on,
    a.source_id,
    s.publisher,
    s.title as source_title,
    s.url as source_url,
    a.excerpt,
    a.notes
from air_attacks a
left join actors c on c.actor_id = a.claimant
left join sources s on s.source_id = a.source_id
where air_night(a.period_end) between $date_from and $date_to
  and chosen($actors, a.claimant)
order by night, a.claimant, a.period_start, a.weapon_model, a.report_id
