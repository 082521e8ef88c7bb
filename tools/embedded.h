/* embedded.h - text compiled into the binary (build/embedded.c, by tools/embed_text.sh): the XML
 * schemas of our exchange formats and the default mapping tables, so validation and recoding do
 * not depend on where the binary runs. Files given on the command line override the tables. */
#ifndef SN_EMBEDDED_H
#define SN_EMBEDDED_H

extern const char sn_xsd_agencies[];          /* schema/agencies.xsd */
extern const char sn_xsd_catalog[];          /* schema/catalog.xsd */
extern const char sn_xsd_crosswalk[];        /* schema/crosswalk.xsd */
extern const char sn_xsd_review[];           /* schema/review.xsd */
extern const char sn_mapping_level1_codes[];  /* mappings/level1-codes.csv */
extern const char sn_mapping_departments[];   /* mappings/departments.csv */
extern const char sn_mapping_allocation[];    /* mappings/allocation.csv */
extern const char sn_mapping_jurisdiction[];  /* mappings/jurisdiction.csv */
extern const char sn_mapping_errata_2025[];   /* mappings/errata-2025.csv */

#endif
