-- Macro kind_name(kind, publisher_type, publisher_subtype) -> text: the name an event that is not a strike
-- is shown under, from the publisher's own classification: ACLED's sub-event type verbatim ("Attack",
-- "Grenade"), UCDP's type of violence ("UCDP: state-based conflict", "UCDP: non-state conflict",
-- "UCDP: one-sided violence", UCDP GED codebook); 'strike' for a strike.
create or replace macro kind_name(kind, publisher_type, publisher_subtype) as
    case coalesce(kind, 'strike')
        when 'strike' then 'strike'
        when 'state_based' then 'UCDP: state-based conflict'
        when 'non_state' then 'UCDP: non-state conflict'
        when 'one_sided' then 'UCDP: one-sided violence'
        else coalesce(publisher_subtype, publisher_type, kind)
    end
