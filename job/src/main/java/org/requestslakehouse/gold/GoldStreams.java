package org.requestslakehouse.gold;

import org.apache.flink.streaming.api.datastream.DataStream;
import org.requestslakehouse.model.DailySla;
import org.requestslakehouse.model.GoldWatermark;
import org.requestslakehouse.model.HourlyRequests;
import org.requestslakehouse.model.LateCorrection;

/**
 * The gold outputs. Row streams are upserts: each element replaces the previous row with the same key.
 *
 * @param watermarks      completeness markers of both tables
 * @param lateCorrections deltas that arrived after their window's state was dropped, from both tables
 */
public record GoldStreams(
        DataStream<HourlyRequests> hourly,
        DataStream<DailySla> daily,
        DataStream<GoldWatermark> watermarks,
        DataStream<LateCorrection> lateCorrections) {}
