/* lento-learn.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-learn"

#include "config.h"

#include <glib/gi18n.h>

#include "lento-learn.h"

/* The learn pages: short, fixed texts on the body, the tools and the
 * method. They are content, like the plan's cues and goals, so they live
 * in the core, where the content checks read them beside the plan, and
 * gettext finds them here. The plan view only shows them.
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
       "5. When you are ready, rest the tip against the opening with gentle pressure, never "
       "pushing. As you breathe in, bear down slightly, as if starting a bowel movement: the "
       "muscle loosens, and the tip can slide in on that in-breath.\n\n"
       "6. Stay with it. Keep breathing while the tool is in place. This wear time is when the "
       "inner ring learns to relax. The plan suggests how long to aim for; shorter is always "
       "fine.\n\n"
       "7. Come out slowly, again on an in-breath, holding the base of a tool. Then note in the "
       "journal how it went.") },
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

static const char *
translate (const char *text)
{
  return g_dgettext (GETTEXT_PACKAGE, text);
}

/**
 * lento_learn_get_n_topics:
 *
 * Returns: how many learn pages there are
 */
guint
lento_learn_get_n_topics (void)
{
  return G_N_ELEMENTS (topics);
}

/**
 * lento_learn_find_topic:
 * @topic_id: a topic's id, such as "session"
 *
 * Returns: the topic's index, or -1 when there is no such topic
 */
int
lento_learn_find_topic (const char *topic_id)
{
  g_return_val_if_fail (topic_id != NULL, -1);

  for (guint i = 0; i < G_N_ELEMENTS (topics); i++)
    {
      if (g_str_equal (topics[i].id, topic_id))
        return (int) i;
    }

  return -1;
}

/**
 * lento_learn_get_topic_id:
 * @index: below lento_learn_get_n_topics()
 *
 * Returns: (transfer none): the topic's stable id
 */
const char *
lento_learn_get_topic_id (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (topics), NULL);

  return topics[index].id;
}

/**
 * lento_learn_get_topic_title:
 * @index: below lento_learn_get_n_topics()
 *
 * Returns: (transfer none): the topic's title, translated
 */
const char *
lento_learn_get_topic_title (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (topics), NULL);

  return translate (topics[index].title);
}

/**
 * lento_learn_get_topic_summary:
 * @index: below lento_learn_get_n_topics()
 *
 * Returns: (transfer none): one line on what the topic covers, translated
 */
const char *
lento_learn_get_topic_summary (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (topics), NULL);

  return translate (topics[index].summary);
}

/**
 * lento_learn_get_topic_body:
 * @index: below lento_learn_get_n_topics()
 *
 * Returns: (transfer none): the topic's text, paragraphs separated by a
 *   blank line, translated
 */
const char *
lento_learn_get_topic_body (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (topics), NULL);

  return translate (topics[index].body);
}
