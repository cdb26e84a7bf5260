-- Hourly windows that are not final yet: they end after the event time through which the job has declared
-- requests_hourly complete, so late events may still change them. No watermark row means nothing is final.
SELECT h.window_start,
       h.neighborhood,
       h.opened,
       h.closed,
       h.updated_at,
       w.complete_through
FROM "${GoldDatabase}"."requests_hourly" AS h
LEFT JOIN "${GoldDatabase}"."watermarks" AS w
       ON w.table_name = 'requests_hourly'
WHERE w.complete_through IS NULL
   OR h.window_start + INTERVAL '1' HOUR > w.complete_through
ORDER BY h.window_start, h.neighborhood
