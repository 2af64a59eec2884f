/* lento-learn-page.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-learn-page"

#include "config.h"

#include <glib/gi18n.h>

#include "lento-learn-page.h"

/* The learn pages are short and fixed, so their text lives here, where
 * gettext finds it, rather than in files that would need their own
 * extraction rules.
 */
typedef struct {
  const char *id;
  const char *title;
  const char *summary;
  const char *body;
} Topic;

static const Topic topics[] = {
  { "body",
    N_("The Body and Relaxation"),
    N_("Two rings of muscle, and why relaxing is the whole method"),
    N_("The opening is held by two rings of muscle. The outer ring is the one you can tighten "
       "and loosen at will, the one you use to hold on until you reach a toilet. The inner ring "
       "works on its own: it does not take orders, but it does respond to warmth, to steady "
       "gentle pressure and to time.\n\n"
       "When something presses past the inner ring too quickly, it protects itself by "
       "tightening harder. Pushing against that reflex is how small tears, called fissures, "
       "happen. Training is the slow work of showing that reflex there is nothing to guard "
       "against, so that it can stay soft while something is there.\n\n"
       "This is why relaxation is not a step of the method but the method itself. It is closer "
       "to a breathing practice than to exercise. Slow, deep breaths into the belly let the "
       "pelvic floor settle; on each in-breath it drops and loosens a little. There is no race "
       "and nothing to win.") },
  { "lube-tools",
    N_("Lubricant and Tools"),
    N_("Which lubricant, which tools, and what to avoid"),
    N_("The body makes no lubrication here, so always use lubricant, and more of it than seems "
       "necessary. Friction causes tiny tears that sting and can become infected. Water-based "
       "and silicone-based lubricants both work.\n\n"
       "Silicone lubricant slowly damages silicone tools: their surface turns sticky or porous "
       "and can hold on to bacteria. With silicone tools, choose a thick water-based lubricant, "
       "which also stays in place well.\n\n"
       "Never use numbing creams, gels or sprays. Pain is how the body says stop; without it, a "
       "tear can happen without you noticing. Lento refuses such products for this reason.\n\n"
       "Start very small. Your own fingers give the clearest feedback, because you feel any "
       "tensing at once. Graduated trainer sets, usually of soft silicone, offer a series of "
       "sizes to move through slowly. Anything you insert must have a flared base, a wide end "
       "that keeps it from slipping inside; Lento never suggests a tool without one. Glass and "
       "polished steel are easy to clean but feel firm, so they suit later stages better than "
       "the first.") },
  { "preparing",
    N_("Preparing"),
    N_("Time, place, and what cleaning is really needed"),
    N_("Choose a time when you are not in a hurry and will not be interrupted. Warmth helps: a "
       "warm room, a warm shower beforehand, a towel to lie on.\n\n"
       "Cleaning out is optional. A shower, or a simple saline rinse if you prefer, is enough. "
       "Deep enemas are not recommended: they strip away the gut's natural flora and irritate "
       "the lining. Over the longer term, a diet with plenty of fibre makes things easier on "
       "its own.\n\n"
       "Have everything within reach before you start: the lubricant, the tool you plan to use, "
       "a towel and some tissues. Trim and file your nails if you will use your fingers.") },
  { "session",
    N_("A Session, Step by Step"),
    N_("From getting comfortable to wear time"),
    N_("1. Get comfortable. Lying on your side, or on your back with your knees up, both "
       "work well.\n\n"
       "2. Breathe. Take slow, deep breaths into your belly for a few minutes. Notice how the "
       "pelvic floor drops on each in-breath: that moment is your open window.\n\n"
       "3. Use plenty of lubricant, on yourself and on the tool.\n\n"
       "4. Start outside. Circle the opening gently with a finger so the outer muscle gets used "
       "to touch. There is no need to go further until you feel ready.\n\n"
       "5. When you are ready, rest the tip against the opening and let it sit there with gentle "
       "pressure, without pushing. Bear down slightly, as if starting a bowel movement: this "
       "loosens the muscle and lets the tip slide in on an in-breath.\n\n"
       "6. Stay with it. Keep breathing while the tool is in place. This wear time is when the "
       "inner ring learns to relax. The plan suggests how long to aim for; shorter is always "
       "fine.\n\n"
       "7. Take it out slowly, again on an in-breath, and note in the journal how it went.") },
  { "urge",
    N_("The Urge to Go, and Other Worries"),
    N_("What the common sensations mean"),
    N_("Most people feel a strong urge to go to the toilet the first few times. It is the "
       "nerves reporting that something is there, not a real need, especially if you emptied "
       "your bowels beforehand. Breathe through it. It usually fades after about five to ten "
       "minutes, and the journal lets you note when it did.\n\n"
       "Afterwards, a feeling of fullness or slight tenderness is normal and passes.\n\n"
       "Some days go less well than others: you may tense up, or a size that felt easy before "
       "may not today. That is normal too. Progress often pauses at one size for a few days or "
       "a week. Staying there, or wearing a small trainer during calm everyday activities when "
       "that feels comfortable, helps the muscles get used to the fullness.\n\n"
       "Sharp pain, or more than a little blood, is different: see the page on when to stop "
       "and rest.") },
  { "aftercare",
    N_("Aftercare"),
    N_("Cleaning tools and looking after yourself"),
    N_("Wash your tools with warm water and mild soap, or with a cleaner made for them, and let "
       "them dry before putting them away.\n\n"
       "Drink some water. Eating enough fibre keeps things moving gently while the tissue "
       "recovers.\n\n"
       "Take a moment to write down how the session went while you still remember. Comfort, "
       "any resistance or pain, and how long the urge lasted are what the plan uses to decide "
       "what comes next.") },
  { "stop",
    N_("When to Stop and Rest"),
    N_("Pain, bleeding, and why rest counts as progress"),
    N_("Stop whenever something hurts. Pain is not something to push through: it means the "
       "body needs more time. Take the tool out slowly.\n\n"
       "After a session that hurt even a little, the plan stays at the same size until "
       "sessions are calm again, with no pain at all. Real pain, sharp pain or noticeable "
       "bleeding means things went too fast: rest for a few days, then start again one size "
       "smaller. Lento plans this rest for you.\n\n"
       "Heavy bleeding, or bleeding that comes back, is a reason to see a clinician before "
       "going on. Lento pauses the plan until you note that you have done so. Persistent pain, "
       "fever, or pain when opening your bowels that does not go away are also reasons to get "
       "checked.\n\n"
       "Rest days are part of the plan, not a break from it. The body sets the pace; going "
       "slowly is what makes this comfortable.") },
};

struct _LentoLearnPage
{
  AdwBin             parent_instance;

  /* Template widgets */
  GtkStack          *stack;
  GtkListBox        *topics_list;
  GtkScrolledWindow *topic_scroll;
  GtkLabel          *topic_title;
  GtkLabel          *topic_body;

  /* Borrowed */
  const Topic       *shown;
};

G_DEFINE_FINAL_TYPE (LentoLearnPage, lento_learn_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_TOPIC,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
show_topic (LentoLearnPage *self,
            const Topic    *topic)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->topic_scroll);

  self->shown = topic;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TOPIC]);
  gtk_label_set_label (self->topic_title, _(topic->title));
  gtk_label_set_label (self->topic_body, _(topic->body));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
  gtk_stack_set_visible_child_name (self->stack, "topic");
}

static void
topic_activated_cb (LentoLearnPage *self,
                    GtkListBoxRow  *row)
{
  int index = gtk_list_box_row_get_index (row);

  g_assert (index >= 0 && (guint) index < G_N_ELEMENTS (topics));

  show_topic (self, &topics[index]);
}

static void
index_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  lento_learn_page_show_index (LENTO_LEARN_PAGE (widget));
}

static void
lento_learn_page_dispose (GObject *object)
{
  /* The bin's child is itself a template child: let the bin drop it first
   * so that it does not unparent a widget the template already freed.
   */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), LENTO_TYPE_LEARN_PAGE);

  G_OBJECT_CLASS (lento_learn_page_parent_class)->dispose (object);
}

static void
lento_learn_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LentoLearnPage *self = LENTO_LEARN_PAGE (object);

  switch (prop_id)
    {
    case PROP_TOPIC:
      g_value_set_string (value, lento_learn_page_get_shown (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lento_learn_page_class_init (LentoLearnPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lento_learn_page_dispose;
  object_class->get_property = lento_learn_page_get_property;

  /* The id of the topic shown, or NULL on the index; the page that holds
   * this one reads it to decide where its back button leads.
   */
  properties [PROP_TOPIC] =
    g_param_spec_string ("topic", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/lento-learn-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LentoLearnPage, stack);
  gtk_widget_class_bind_template_child (widget_class, LentoLearnPage, topics_list);
  gtk_widget_class_bind_template_child (widget_class, LentoLearnPage, topic_scroll);
  gtk_widget_class_bind_template_child (widget_class, LentoLearnPage, topic_title);
  gtk_widget_class_bind_template_child (widget_class, LentoLearnPage, topic_body);
  gtk_widget_class_bind_template_callback (widget_class, topic_activated_cb);

  gtk_widget_class_install_action (widget_class, "learn.index", NULL, index_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_BackSpace, 0, "learn.index", NULL);
}

static void
lento_learn_page_init (LentoLearnPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (topics); i++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(topics[i].title));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(topics[i].summary));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_list_box_append (self->topics_list, row);
    }
}

GtkWidget *
lento_learn_page_new (void)
{
  return g_object_new (LENTO_TYPE_LEARN_PAGE, NULL);
}

guint
lento_learn_page_get_n_topics (void)
{
  return G_N_ELEMENTS (topics);
}

const char *
lento_learn_page_get_topic_id (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (topics), NULL);

  return topics[index].id;
}

void
lento_learn_page_show_index (LentoLearnPage *self)
{
  g_return_if_fail (LENTO_IS_LEARN_PAGE (self));

  gtk_stack_set_visible_child_name (self->stack, "index");
  if (self->shown != NULL)
    {
      self->shown = NULL;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TOPIC]);
    }
}

/**
 * lento_learn_page_show_topic:
 * @topic_id: one of the ids lento_learn_page_get_topic_id() returns
 *
 * Returns: whether such a topic exists
 */
gboolean
lento_learn_page_show_topic (LentoLearnPage *self,
                             const char     *topic_id)
{
  g_return_val_if_fail (LENTO_IS_LEARN_PAGE (self), FALSE);
  g_return_val_if_fail (topic_id != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (topics); i++)
    {
      if (g_str_equal (topics[i].id, topic_id))
        {
          show_topic (self, &topics[i]);
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * lento_learn_page_get_shown:
 *
 * Returns: (nullable): the id of the topic shown, or %NULL on the index
 */
const char *
lento_learn_page_get_shown (LentoLearnPage *self)
{
  g_return_val_if_fail (LENTO_IS_LEARN_PAGE (self), NULL);

  return self->shown != NULL ? self->shown->id : NULL;
}
