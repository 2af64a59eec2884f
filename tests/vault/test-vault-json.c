/* test-vault-json.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-vault-json"

#include "config.h"

#include "lento-vault-private.h"

/* The JSON inside a backup and inside the manifest, as a damaged or crafted
 * file may hold it: members of the wrong type are damage, reported as such,
 * never a critical from json-glib (warnings are fatal in the tests). */

typedef struct {
  const char *json;
  gboolean    good;
} JsonCase;

#define HASH "\"0000000000000000000000000000000000000000000000000000000000000000\""

static void
test_manifest_member_types (void)
{
  static const JsonCase cases[] = {
    { "{\"format\":1,\"documents\":{\"profile\":{\"generation\":3,\"hash\":" HASH "}}}", TRUE },
    { "{\"format\":{},\"documents\":{}}", FALSE },
    { "{\"format\":[1],\"documents\":{}}", FALSE },
    { "{\"format\":1,\"documents\":{\"profile\":{\"generation\":{},\"hash\":" HASH "}}}", FALSE },
    { "{\"format\":1,\"documents\":{\"profile\":{\"generation\":3,\"hash\":[]}}}", FALSE },
    { "{\"format\":1,\"documents\":{\"profile\":{\"generation\":3,\"hash\":{}}}}", FALSE },
    { "{\"format\":1,\"documents\":{\"profile\":{\"generation\":\"3\",\"hash\":" HASH "}}}", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) plain = g_bytes_new_static (cases[i].json, strlen (cases[i].json));
      g_autoptr(GHashTable) manifest = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("case %u: %s", i, cases[i].json);
      manifest = _lento_vault_parse_manifest (plain, &error);
      if (cases[i].good)
        {
          g_assert_no_error (error);
          g_assert_nonnull (manifest);
        }
      else
        {
          g_assert_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_DAMAGED);
          g_assert_null (manifest);
        }
    }
}

static void
test_backup_member_types (void)
{
  static const JsonCase cases[] = {
    { "{\"format\":1,\"documents\":[{\"name\":\"profile\",\"content\":\"e30=\"}]}", TRUE },
    { "{\"format\":{},\"documents\":[]}", FALSE },
    { "{\"format\":1,\"documents\":[{\"name\":{},\"content\":\"e30=\"}]}", FALSE },
    { "{\"format\":1,\"documents\":[{\"name\":\"profile\",\"content\":[]}]}", FALSE },
    { "{\"format\":1,\"documents\":[{\"name\":\"profile\",\"content\":null}]}", FALSE },
    { "{\"format\":1,\"documents\":[{\"name\":7,\"content\":\"e30=\"}]}", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) plain = g_bytes_new_static (cases[i].json, strlen (cases[i].json));
      g_autoptr(GHashTable) documents = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("case %u: %s", i, cases[i].json);
      documents = _lento_vault_parse_backup_json (plain, &error);
      if (cases[i].good)
        {
          g_assert_no_error (error);
          g_assert_cmpuint (g_hash_table_size (documents), ==, 1);
        }
      else
        {
          g_assert_nonnull (error);
          g_assert_null (documents);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lento/vault-json/manifest-member-types", test_manifest_member_types);
  g_test_add_func ("/lento/vault-json/backup-member-types", test_backup_member_types);

  return g_test_run ();
}
