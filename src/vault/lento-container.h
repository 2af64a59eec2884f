/* lento-container.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "lento-secure.h"

G_BEGIN_DECLS

/* The container format, version 1. docs/FORMAT.md describes every byte;
 * this is the only code that reads or writes it.
 */
#define LENTO_CONTAINER_MAGIC          "LENTODOC"
#define LENTO_CONTAINER_MAGIC_SIZE     8
#define LENTO_CONTAINER_VERSION_MAJOR  1
#define LENTO_CONTAINER_VERSION_MINOR  0
#define LENTO_UUID_SIZE                16
#define LENTO_KEY_SIZE                 32
#define LENTO_KEY_ID_SIZE              8
#define LENTO_NONCE_SIZE               24
#define LENTO_CONTAINER_CHECKSUM_SIZE  16
#define LENTO_CONTAINER_MAX_NAME       64
#define LENTO_CONTAINER_MAX_EXTENSION  (64 * 1024)
#define LENTO_CONTAINER_MAX_PLAINTEXT  (256 * 1024 * 1024)
/* The largest file a container can be: a longer one is refused unread. */
#define LENTO_CONTAINER_MAX_FILE_SIZE  (36 + LENTO_CONTAINER_MAX_NAME + 4 + \
                                        LENTO_CONTAINER_MAX_EXTENSION + LENTO_NONCE_SIZE + 4 + \
                                        LENTO_CONTAINER_CHECKSUM_SIZE + \
                                        LENTO_CONTAINER_MAX_PLAINTEXT + 16)

typedef enum {
  LENTO_CONTAINER_KIND_DOCUMENT = 1,
  LENTO_CONTAINER_KIND_BACKUP = 2,
} LentoContainerKind;

/* What lento_container_parse() found. Pointers point into the parsed
 * buffer and live as long as it does.
 */
typedef struct {
  guint8              version_major;
  guint8              version_minor;
  LentoContainerKind  kind;
  guint8              journal_uuid[LENTO_UUID_SIZE];
  guint8              key_id[LENTO_KEY_ID_SIZE];
  char                name[LENTO_CONTAINER_MAX_NAME + 1];
  const guint8       *extension;
  gsize               extension_size;
  /* A document's generation, from its extension; 0 when it has none. */
  guint64             generation;
  const guint8       *nonce;
  /* The header is the associated data of the ciphertext. */
  gsize               header_size;
  const guint8       *ciphertext;
  gsize               ciphertext_size;
} LentoContainerHeader;

/* A document's extension holds its generation: 8 bytes, little-endian,
 * counting the versions of that document the journal has written. A
 * longer extension is read for its first 8 bytes; the rest is reserved.
 * Documents written before generations existed have none (generation 0). */
#define LENTO_CONTAINER_GENERATION_SIZE 8

/* The extension to seal a document of generation @generation with. */
GBytes   *lento_container_generation_extension (guint64             generation);

/* Whether @name may name a document: one or two segments of a-z, 0-9 and
 * '-', joined by '/', at most 64 bytes, never "keys". */
gboolean  lento_container_name_is_valid (const char          *name);

/* The 8-byte public identifier of a data key (BLAKE2b keyed by the data
 * key), so a reader tells "another key" from "damaged" before decrypting. */
void      lento_container_key_id        (LentoSecret         *key,
                                         guint8               key_id[LENTO_KEY_ID_SIZE]);

/* Checks the structure of @data without any key: magic, version, lengths,
 * header checksum, no trailing bytes. On success fills @header. */
gboolean  lento_container_parse         (const guint8        *data,
                                         gsize                size,
                                         LentoContainerHeader *header,
                                         GError             **error);

/* Encrypts @plaintext under @key with a fresh random nonce. @extension is
 * public data bound into the header (the key slots of a backup); NULL for
 * documents. */
GBytes   *lento_container_seal          (LentoContainerKind   kind,
                                         const guint8        *journal_uuid,
                                         const char          *name,
                                         LentoSecret         *key,
                                         GBytes              *extension,
                                         const guint8        *plaintext,
                                         gsize                plaintext_size,
                                         GError             **error);

/* Like lento_container_seal() with a given nonce. Only for test vectors:
 * reusing a nonce under one key breaks the encryption. */
GBytes   *lento_container_seal_with_nonce (LentoContainerKind  kind,
                                           const guint8       *journal_uuid,
                                           const char         *name,
                                           LentoSecret        *key,
                                           GBytes             *extension,
                                           const guint8       *nonce,
                                           const guint8       *plaintext,
                                           gsize               plaintext_size,
                                           GError            **error);

/* Parses and decrypts. @expected_uuid may be NULL to accept any journal
 * (a backup from another installation); @expected_name may be NULL to
 * accept any name. @keys holds @n_keys data keys (the current one and,
 * during a key rotation, the previous one); the one whose key id matches
 * is used. Errors tell apart a damaged file (DAMAGED, TRUNCATED_*, ...),
 * another key (WRONG_KEY), a renamed file (WRONG_DOCUMENT) and a file
 * from another journal (FOREIGN_JOURNAL). */
GBytes   *lento_container_open          (const guint8        *data,
                                         gsize                size,
                                         LentoContainerKind   expected_kind,
                                         const guint8        *expected_uuid,
                                         const char          *expected_name,
                                         LentoSecret * const *keys,
                                         guint                n_keys,
                                         LentoContainerHeader *header,
                                         GError             **error);

G_END_DECLS
