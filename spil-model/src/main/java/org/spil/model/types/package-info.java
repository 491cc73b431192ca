/**
 * The property types' rules, one small class per kind of value: names (transliteration, phonetic
 * keys), partial dates, countries, phones (E.164, with a shortcut past libphonenumber for common
 * numbers), IBANs, container and IMO numbers, LOCODEs, crypto addresses, amounts.
 *
 * <p>Entry point: {@link org.spil.model.types.PropertyTypeCatalog}, which registers every type.
 * Each normaliser is a pure function of its input and a context (date formats, phone region); all
 * are stateless and thread-safe, caches are per thread.
 */
package org.spil.model.types;
