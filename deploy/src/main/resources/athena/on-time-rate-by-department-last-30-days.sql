-- Share of requests closed within their SLA per department over the last 30 Boston-local days.
-- The rate is recomputed from the counts: averaging the per-day, per-type rates would weight a type with one
-- closure like a type with a thousand.
SELECT department,
       SUM(opened) AS opened,
       SUM(closed) AS closed,
       SUM(closed_on_time) AS closed_on_time,
       SUM(closed_overdue) AS closed_overdue,
       CAST(SUM(closed_on_time) AS DOUBLE) / NULLIF(SUM(closed_on_time) + SUM(closed_overdue), 0) AS on_time_rate
FROM "${GoldDatabase}"."sla_daily"
WHERE day >= current_date - INTERVAL '30' DAY
GROUP BY department
ORDER BY on_time_rate ASC NULLS LAST, closed DESC
