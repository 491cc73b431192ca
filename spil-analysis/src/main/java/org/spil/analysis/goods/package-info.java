/**
 * Goods flows on shipments: the ports of the World Port Index and the routes shipments take
 * (loading, transhipment, discharge), counted per month. Pure computation on what the caller has
 * read; the operations layer reads the shipments a viewer may see.
 */
package org.spil.analysis.goods;
