-- Daily SLA rows whose Boston-local day is not final yet according to gold.watermarks for sla_daily.
SELECT s.day,
       s.department,
       s.type,
       s.opened,
       s.closed,
       s.on_time_rate,
       s.updated_at,
       w.complete_through
FROM "${GoldDatabase}"."sla_daily" AS s
LEFT JOIN "${GoldDatabase}"."watermarks" AS w
       ON w.table_name = 'sla_daily'
WHERE w.complete_through IS NULL
   OR s.day >= CAST(w.complete_through AT TIME ZONE 'America/New_York' AS DATE)
ORDER BY s.day, s.department, s.type
