package org.spil.analysis.network;

import java.util.List;

/**
 * One kind of tie between two nodes, aggregated: its type (Ownership, Payment, Call, shared phone,
 * ...), how many statements make it, the money it carries, its period and the datasets it comes
 * from, so that every edge an analyst sees can be traced to its sources.
 */
public record Link(
    String type,
    int count,
    double amount,
    String currency,
    String first,
    String last,
    List<String> datasets) {}
