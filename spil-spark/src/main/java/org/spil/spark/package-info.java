/**
 * The batch work on Apache Spark, for warehouses beyond one machine: jobs that read the lake
 * ({@link org.spil.store.Lake}, statements as partitioned Parquet) for one viewer's scope, handed
 * out and audited by the store ({@link org.spil.store.Store#readScope}), and compute what the
 * embedded engine computes, with the same answers (the contract tests hold the two side by side).
 * Entry points: {@link org.spil.spark.ClusterCommand} ({@code spil cluster}), {@link
 * org.spil.spark.LakeInput} (what a job may read), {@link org.spil.spark.NetworkProjection} (the
 * viewer's network, as {@code NetworkSource} draws it), {@link org.spil.spark.GraphMeasures}
 * (PageRank, components, k-core). Not part of the product jar: {@code ./spil cluster} puts this
 * module and Spark on the class path.
 */
package org.spil.spark;
