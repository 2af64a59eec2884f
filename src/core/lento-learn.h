/* lento-learn.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

guint       lento_learn_get_n_topics      (void);
int         lento_learn_find_topic        (const char *topic_id);
const char *lento_learn_get_topic_id      (guint       index);
const char *lento_learn_get_topic_title   (guint       index);
const char *lento_learn_get_topic_summary (guint       index);
const char *lento_learn_get_topic_body    (guint       index);

G_END_DECLS
