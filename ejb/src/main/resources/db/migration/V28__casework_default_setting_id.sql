-- The city-wide default of the casework settings had the id 0, which EclipseLink takes for "no id
-- yet" unless it weaves the entity (servers that do not weave, e.g. WildFly, failed with
-- EclipseLink-7197 "Null or zero primary key"). It moves to -1: a valid id for every provider, and one
-- the sequence (which starts at 50 and reserves 1..50 first) never hands out.
UPDATE casework_setting SET id = -1 WHERE id = 0;
