-- Events the job could not turn into service requests in the last 7 days, by reason, with one example each.
SELECT reason_code,
       COUNT(*) AS events,
       MIN(rejected_at) AS first_rejected_at,
       MAX(rejected_at) AS last_rejected_at,
       ARBITRARY(detail) AS example_detail
FROM "${SilverDatabase}"."rejected_events"
WHERE rejected_at >= current_timestamp - INTERVAL '7' DAY
GROUP BY reason_code
ORDER BY events DESC
