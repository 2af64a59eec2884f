/* lento-toast.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-toast"

#include "config.h"

#include "lento-toast.h"

/* Toasts without a crash in libadwaita 1.2, whose overlay frees a toast's
 * bookkeeping when its hiding ends and may read it again afterwards:
 * - a toast dismissed while it still slides in (300 ms, 500 ms when it
 *   replaces another) is a use after free once the slide ends, so it is
 *   dismissed only when it has arrived (Undo straight after Delete);
 * - a toast added while another still hides made the overlay unref the
 *   hiding one once too often, so it waits until the hiding is over
 *   (removing two tools in a row).
 * Dismissing a toast that still waits to be shown just drops it.
 */

/* A little more than libadwaita's HIDE_DURATION. */
#define HIDING_USEC     (350 * (G_USEC_PER_SEC / 1000))
/* A little more than libadwaita's REPLACE_DURATION. */
#define ARRIVAL_USEC    (600 * (G_USEC_PER_SEC / 1000))
#define HIDDEN_AT       "lento-toast-hidden-at"
#define SHOWN_AT        "lento-toast-shown-at"
#define WAITING_SOURCE  "lento-toast-waiting-source"
#define DISMISS_SOURCE  "lento-toast-dismiss-source"

typedef struct {
  GWeakRef  overlay;
  AdwToast *toast;
} Waiting;

static void
waiting_free (gpointer data)
{
  Waiting *waiting = data;

  /* The toast is gone to the overlay, or it goes now, unshown. */
  if (waiting->toast != NULL)
    {
      g_object_set_data (G_OBJECT (waiting->toast), WAITING_SOURCE, NULL);
      g_object_unref (waiting->toast);
    }
  g_weak_ref_clear (&waiting->overlay);
  g_free (waiting);
}

static void
set_time (GObject    *object,
          const char *key)
{
  gint64 *now = g_new (gint64, 1);

  *now = g_get_monotonic_time ();
  g_object_set_data_full (object, key, now, g_free);
}

/* Whatever dismissed it, a dismissal still to come has nothing to do. */
static void
cancel_dismissal (AdwToast *toast)
{
  guint source = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (toast), DISMISS_SOURCE));

  if (source != 0)
    {
      g_object_set_data (G_OBJECT (toast), DISMISS_SOURCE, NULL);
      g_source_remove (source);
    }
}

static void
toast_dismissed_cb (AdwToast        *toast,
                    AdwToastOverlay *overlay)
{
  cancel_dismissal (toast);
  set_time (G_OBJECT (overlay), HIDDEN_AT);
}

static void
add_now (AdwToastOverlay *overlay,
         AdwToast        *toast)
{
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (toast_dismissed_cb), overlay, 0);
  set_time (G_OBJECT (toast), SHOWN_AT);
  adw_toast_overlay_add_toast (overlay, toast);
}

static gboolean
add_waiting_cb (gpointer user_data)
{
  Waiting *waiting = user_data;
  g_autoptr(AdwToastOverlay) overlay = g_weak_ref_get (&waiting->overlay);

  g_object_set_data (G_OBJECT (waiting->toast), WAITING_SOURCE, NULL);
  if (overlay != NULL)
    add_now (overlay, g_steal_pointer (&waiting->toast));

  return G_SOURCE_REMOVE;
}

/**
 * lento_toast_show:
 * @overlay: where to show @toast
 * @toast: (transfer full): a toast, as adw_toast_overlay_add_toast() takes it
 *
 * Shows @toast at once, or as soon as a toast dismissed a moment ago has
 * finished hiding.
 */
void
lento_toast_show (AdwToastOverlay *overlay,
                  AdwToast        *toast)
{
  gint64 *hidden_at;
  gint64 wait = 0;
  Waiting *waiting;
  guint source;

  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));
  g_return_if_fail (ADW_IS_TOAST (toast));

  hidden_at = g_object_get_data (G_OBJECT (overlay), HIDDEN_AT);
  if (hidden_at != NULL)
    wait = *hidden_at + HIDING_USEC - g_get_monotonic_time ();
  if (wait <= 0)
    {
      add_now (overlay, toast);
      return;
    }

  waiting = g_new0 (Waiting, 1);
  g_weak_ref_init (&waiting->overlay, overlay);
  waiting->toast = toast;
  source = g_timeout_add_full (G_PRIORITY_DEFAULT, (guint) (wait / 1000) + 1, add_waiting_cb,
                               waiting, waiting_free);
  g_object_set_data (G_OBJECT (toast), WAITING_SOURCE, GUINT_TO_POINTER (source));
}

static gboolean
dismiss_arrived_cb (gpointer user_data)
{
  AdwToast *toast = user_data;

  g_object_set_data (G_OBJECT (toast), DISMISS_SOURCE, NULL);
  adw_toast_dismiss (toast);

  return G_SOURCE_REMOVE;
}

/**
 * lento_toast_dismiss:
 * @toast: a toast given to lento_toast_show()
 *
 * Dismisses @toast: at once when it is on screen, as soon as it has slid in
 * when it is still coming, and right away (unshown) when it still waits.
 * Either way it emits AdwToast::dismissed, then or later.
 */
void
lento_toast_dismiss (AdwToast *toast)
{
  guint source;
  gint64 *shown_at;
  gint64 wait;

  g_return_if_fail (ADW_IS_TOAST (toast));

  source = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (toast), WAITING_SOURCE));
  if (source != 0)
    {
      /* The waiting source holds the only reference. */
      g_object_ref (toast);
      g_signal_emit_by_name (toast, "dismissed");
      g_source_remove (source);
      g_object_unref (toast);
      return;
    }

  if (g_object_get_data (G_OBJECT (toast), DISMISS_SOURCE) != NULL)
    return;
  shown_at = g_object_get_data (G_OBJECT (toast), SHOWN_AT);
  wait = shown_at != NULL ? *shown_at + ARRIVAL_USEC - g_get_monotonic_time () : 0;
  if (wait <= 0)
    {
      adw_toast_dismiss (toast);
      return;
    }

  source = g_timeout_add_full (G_PRIORITY_DEFAULT, (guint) (wait / 1000) + 1, dismiss_arrived_cb,
                               g_object_ref (toast), g_object_unref);
  g_object_set_data (G_OBJECT (toast), DISMISS_SOURCE, GUINT_TO_POINTER (source));
}

/**
 * lento_toast_keep:
 * @toast: a toast given to lento_toast_show()
 *
 * Takes back a dismissal lento_toast_dismiss() put off until @toast
 * arrived: the toast stays, for instance to offer its Undo again.
 */
void
lento_toast_keep (AdwToast *toast)
{
  g_return_if_fail (ADW_IS_TOAST (toast));

  cancel_dismissal (toast);
}
