-- Requests opened and closed per UTC hour and neighborhood over the last 7 days, newest hour first.
-- Hours after gold.watermarks' complete_through for requests_hourly can still change.
SELECT window_start,
       neighborhood,
       opened,
       closed,
       closed_on_time,
       closed_overdue,
       resolution_hours_p50,
       resolution_hours_p90,
       updated_at
FROM "${GoldDatabase}"."requests_hourly"
WHERE window_start >= current_timestamp - INTERVAL '7' DAY
ORDER BY window_start DESC, opened DESC
