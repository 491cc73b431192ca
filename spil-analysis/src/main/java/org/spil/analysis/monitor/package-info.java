/**
 * Monitoring: series of counts per period and the detectors that say when one changed. A seasonal
 * count alarm in the manner of Farrington ({@link CountAlarm}), Bayesian online change-point
 * detection ({@link OnlineChangePoints}) and binary segmentation ({@link Segmentation}), each on a
 * plain array of counts; {@link Signals} runs them over many series month by month, as a monitor
 * would have seen them, and says in words what changed. Pure computation; the operations layer
 * reads the series a viewer may see.
 */
package org.spil.analysis.monitor;
