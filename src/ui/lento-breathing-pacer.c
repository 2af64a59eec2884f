/* lento-breathing-pacer.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-breathing-pacer"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "lento-breathing-pacer.h"

/*
 * A breathing guide: a circle that grows while breathing in and shrinks
 * while breathing out, with a few words under it. The in-breath is when
 * the pelvic floor drops and relaxes, so the words say so.
 *
 * It costs nothing when nobody looks: it redraws only while it is mapped
 * and running. With animations, a timeout then wakes it exactly when the
 * circle's edge has moved by a whole pixel (see next_frame_delay()), so
 * the slow middle of a breath and its still ends cost few pictures, and
 * the frame clock idles in between instead of running at the display's
 * rate. When the desktop asks for no animations
 * (gtk-enable-animations is FALSE) the circle stays still and a calm text
 * countdown takes its place, redrawn once a second by a timeout that also
 * exists only while mapped and running.
 *
 * Each start (running becoming TRUE, or the widget being mapped again
 * while running) begins with an in-breath, which is how a person would
 * pick the rhythm up again.
 */

struct _LentoBreathingPacer
{
  GtkWidget parent_instance;

  /* Borrowed */
  GtkSettings *settings;

  gulong animations_changed_id;
  guint frame_id;
  guint countdown_id;
  /* The circle's smallest and largest radius at the last drawing, in
   * pixels: how many pixels a breath moves its edge.
   */
  float min_radius;
  float max_radius;
  gint64 origin;
  guint inhale_ms;
  guint exhale_ms;
  LentoBreathingPreset preset;
  gboolean running;
  gboolean active;
  gboolean reduced_motion;
};

G_DEFINE_FINAL_TYPE (LentoBreathingPacer, lento_breathing_pacer, GTK_TYPE_WIDGET)

G_DEFINE_ENUM_TYPE (LentoBreathingPreset, lento_breathing_preset,
  G_DEFINE_ENUM_VALUE (LENTO_BREATHING_PRESET_CUSTOM, "custom"),
  G_DEFINE_ENUM_VALUE (LENTO_BREATHING_PRESET_GENTLE, "gentle"),
  G_DEFINE_ENUM_VALUE (LENTO_BREATHING_PRESET_EVEN, "even"),
  G_DEFINE_ENUM_VALUE (LENTO_BREATHING_PRESET_SLOW, "slow"),
  G_DEFINE_ENUM_VALUE (LENTO_BREATHING_PRESET_SHORT, "short"))

enum {
  PROP_0,
  PROP_RUNNING,
  PROP_INHALE_MS,
  PROP_EXHALE_MS,
  PROP_PRESET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct {
  LentoBreathingPreset preset;
  guint inhale_ms;
  guint exhale_ms;
} presets[] = {
  /* A longer out-breath calms; this is the default. */
  { LENTO_BREATHING_PRESET_GENTLE, 4000, 6000 },
  { LENTO_BREATHING_PRESET_EVEN, 5000, 5000 },
  { LENTO_BREATHING_PRESET_SLOW, 6000, 8000 },
  /* For anyone who finds long breaths a strain. */
  { LENTO_BREATHING_PRESET_SHORT, 3000, 4000 },
};

#define MIN_WIDTH 160
#define MIN_HEIGHT 200
#define NATURAL_WIDTH 280
#define NATURAL_HEIGHT 340
#define TEXT_SPACING 12
#define PADDING 6
#define REST_SIZE 0.0
#define STILL_SIZE 0.5

/**
 * lento_breathing_preset_get_rhythm:
 * @preset: a preset other than %LENTO_BREATHING_PRESET_CUSTOM
 * @inhale_ms: (out) (optional): the in-breath in milliseconds
 * @exhale_ms: (out) (optional): the out-breath in milliseconds
 *
 * Returns: %TRUE if @preset has a rhythm
 */
gboolean
lento_breathing_preset_get_rhythm (LentoBreathingPreset  preset,
                                   guint                *inhale_ms,
                                   guint                *exhale_ms)
{
  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    {
      if (presets[i].preset == preset)
        {
          if (inhale_ms != NULL)
            *inhale_ms = presets[i].inhale_ms;
          if (exhale_ms != NULL)
            *exhale_ms = presets[i].exhale_ms;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * lento_breathing_preset_get_label:
 * @preset: a #LentoBreathingPreset
 *
 * Returns: (transfer none): the preset's name as Preferences shows it
 */
const char *
lento_breathing_preset_get_label (LentoBreathingPreset preset)
{
  switch (preset)
    {
    case LENTO_BREATHING_PRESET_GENTLE:
      return _("Gentle: in for 4 seconds, out for 6");
    case LENTO_BREATHING_PRESET_EVEN:
      return _("Even: in for 5 seconds, out for 5");
    case LENTO_BREATHING_PRESET_SLOW:
      return _("Slow: in for 6 seconds, out for 8");
    case LENTO_BREATHING_PRESET_SHORT:
      return _("Short: in for 3 seconds, out for 4");
    case LENTO_BREATHING_PRESET_CUSTOM:
    default:
      return _("Your own rhythm");
    }
}

/* Where in the breath the guide is. @size is 0 for empty lungs and 1 for
 * full ones; @remaining_ms counts down the current half of the breath.
 */
static LentoBreath
get_position (LentoBreathingPacer *self,
              gint64               now,
              double              *size,
              guint               *remaining_ms)
{
  guint cycle_ms = self->inhale_ms + self->exhale_ms;
  guint into;
  double eased;

  if (!self->active)
    {
      *size = self->reduced_motion ? STILL_SIZE : REST_SIZE;
      *remaining_ms = self->inhale_ms;
      return LENTO_BREATH_IN;
    }

  into = (guint) ((MAX (now - self->origin, 0) / 1000) % cycle_ms);

  if (into < self->inhale_ms)
    {
      /* Easing in and out reads as breath; a linear circle looks mechanical. */
      eased = (1.0 - cos (G_PI * into / self->inhale_ms)) / 2.0;
      *size = self->reduced_motion ? STILL_SIZE : eased;
      *remaining_ms = self->inhale_ms - into;
      return LENTO_BREATH_IN;
    }

  into -= self->inhale_ms;
  eased = (1.0 - cos (G_PI * into / self->exhale_ms)) / 2.0;
  *size = self->reduced_motion ? STILL_SIZE : 1.0 - eased;
  *remaining_ms = self->exhale_ms - into;
  return LENTO_BREATH_OUT;
}

static char *
dup_text (LentoBreathingPacer *self,
          gint64               now,
          char               **countdown)
{
  double size;
  guint remaining_ms;
  LentoBreath breath;

  breath = get_position (self, now, &size, &remaining_ms);

  if (countdown != NULL)
    *countdown = NULL;

  if (!self->running)
    return g_strdup (_("Breathe at your own pace"));

  if (self->reduced_motion && countdown != NULL)
    *countdown = g_strdup_printf ("%u", (remaining_ms + 999) / 1000);

  return g_strdup (breath == LENTO_BREATH_IN ? _("Breathe in, let the pelvic floor drop")
                                             : _("Breathe out slowly, stay soft"));
}

/* Never more than twenty pictures a second: at the fastest moment of the
 * shortest breath the edge moves a pixel or two between them, which reads
 * as smooth for something this slow.
 */
#define MIN_FRAME_MS 50
/* Before the first drawing the size of the circle is unknown. */
#define FIRST_FRAME_MS 100
/* How far the edge moves before the next picture, in pixels. */
#define EDGE_STEP_PX 1.0

/* How long until the circle's edge has moved by EDGE_STEP_PX, or the
 * half-breath ends (the words change then), whichever comes first. The
 * eased size e(t) = (1 - cos (pi t / T)) / 2 is monotonic within a half,
 * so the moment it reaches e + step is acos (1 - 2 (e + step)) T / pi.
 */
static guint
next_frame_delay (LentoBreathingPacer *self,
                  gint64               now)
{
  double size, eased, target, range, at_ms;
  guint remaining_ms, half_ms, into_ms, delay_ms;
  LentoBreath breath;

  breath = get_position (self, now, &size, &remaining_ms);
  half_ms = breath == LENTO_BREATH_IN ? self->inhale_ms : self->exhale_ms;
  into_ms = half_ms - remaining_ms;
  eased = breath == LENTO_BREATH_IN ? size : 1.0 - size;
  range = self->max_radius - self->min_radius;

  if (range <= 0)
    delay_ms = FIRST_FRAME_MS;
  else if ((target = eased + EDGE_STEP_PX / range) >= 1.0)
    delay_ms = remaining_ms;
  else
    {
      /* Rounding must not make the moment fall before now. */
      at_ms = ceil (acos (1.0 - 2.0 * target) * half_ms / G_PI);
      delay_ms = at_ms > into_ms ? (guint) (at_ms - into_ms) : 0;
    }

  delay_ms = MAX (delay_ms, MIN_FRAME_MS);

  /* Land just past the end of the half-breath, never before it. */
  return MIN (delay_ms, MAX (remaining_ms, 1));
}

static void schedule_frame (LentoBreathingPacer *self);

static gboolean
frame_cb (gpointer user_data)
{
  LentoBreathingPacer *self = user_data;

  self->frame_id = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  schedule_frame (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_frame (LentoBreathingPacer *self)
{
  g_assert (self->frame_id == 0);

  self->frame_id = g_timeout_add (next_frame_delay (self, g_get_monotonic_time ()),
                                  frame_cb, self);
  g_source_set_static_name (g_main_context_find_source_by_id (NULL, self->frame_id),
                            "[lento] breathing frame");
}

static void update_ticking (LentoBreathingPacer *self);

static gboolean
countdown_cb (gpointer user_data)
{
  LentoBreathingPacer *self = user_data;

  self->countdown_id = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  update_ticking (self);

  return G_SOURCE_REMOVE;
}

/* The countdown shows whole seconds, so it wakes exactly when the number
 * changes and not in between.
 */
static void
schedule_countdown (LentoBreathingPacer *self)
{
  double size;
  guint remaining_ms;
  guint delay_ms;

  get_position (self, g_get_monotonic_time (), &size, &remaining_ms);
  delay_ms = remaining_ms % 1000;
  if (delay_ms == 0)
    delay_ms = 1000;

  self->countdown_id = g_timeout_add (delay_ms, countdown_cb, self);
  g_source_set_static_name (g_main_context_find_source_by_id (NULL, self->countdown_id),
                            "[lento] breathing countdown");
}

static void
update_ticking (LentoBreathingPacer *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean want = self->running && gtk_widget_get_mapped (widget);
  gboolean animate = want && !self->reduced_motion;
  gboolean count = want && self->reduced_motion;

  if (want && !self->active)
    self->origin = g_get_monotonic_time ();
  self->active = want;

  if (animate && self->frame_id == 0)
    schedule_frame (self);
  else if (!animate)
    g_clear_handle_id (&self->frame_id, g_source_remove);

  if (count && self->countdown_id == 0)
    schedule_countdown (self);
  else if (!count)
    g_clear_handle_id (&self->countdown_id, g_source_remove);
}

static void
read_animations_setting (LentoBreathingPacer *self)
{
  gboolean enabled = TRUE;

  if (self->settings != NULL)
    g_object_get (self->settings, "gtk-enable-animations", &enabled, NULL);

  if (self->reduced_motion == !enabled)
    return;

  self->reduced_motion = !enabled;
  update_ticking (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
animations_changed_cb (LentoBreathingPacer *self,
                       GParamSpec          *pspec,
                       GtkSettings         *settings)
{
  read_animations_setting (self);
}

static void
update_accessible_description (LentoBreathingPacer *self)
{
  g_autofree char *in_text = NULL;
  g_autofree char *out_text = NULL;
  g_autofree char *description = NULL;
  guint in_s = (self->inhale_ms + 500) / 1000;
  guint out_s = (self->exhale_ms + 500) / 1000;

  /* Two sentences, each with its own number, so that each can take the
   * plural its language needs.
   */
  in_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          /* Translators: %u is a number of seconds. */
                                          "Breathe in for %u second.",
                                          "Breathe in for %u seconds.", in_s),
                             in_s);
  out_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           /* Translators: %u is a number of seconds. */
                                           "Breathe out for %u second.",
                                           "Breathe out for %u seconds.", out_s),
                              out_s);
  /* Translators: the two sentences above, one after the other. Change the space if
   * your language joins sentences otherwise.
   */
  description = g_strdup_printf (C_("two sentences", "%s %s"), in_text, out_text);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

/* Drawing */

static void
append_disc (GtkSnapshot   *snapshot,
             float          cx,
             float          cy,
             float          radius,
             const GdkRGBA *color)
{
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (cx - radius, cy - radius, 2 * radius, 2 * radius);
  GskRoundedRect clip;

  gsk_rounded_rect_init_from_rect (&clip, &bounds, radius);
  gtk_snapshot_push_rounded_clip (snapshot, &clip);
  gtk_snapshot_append_color (snapshot, color, &bounds);
  gtk_snapshot_pop (snapshot);
}

static void
append_ring (GtkSnapshot   *snapshot,
             float          cx,
             float          cy,
             float          radius,
             float          width,
             const GdkRGBA *color)
{
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (cx - radius, cy - radius, 2 * radius, 2 * radius);
  const float widths[4] = { width, width, width, width };
  const GdkRGBA colors[4] = { *color, *color, *color, *color };
  GskRoundedRect outline;

  gsk_rounded_rect_init_from_rect (&outline, &bounds, radius);
  gtk_snapshot_append_border (snapshot, &outline, widths, colors);
}

static void
append_layout_at (GtkSnapshot   *snapshot,
                  PangoLayout   *layout,
                  float          x,
                  float          y,
                  const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
lento_breathing_pacer_snapshot (GtkWidget   *widget,
                                GtkSnapshot *snapshot)
{
  LentoBreathingPacer *self = LENTO_BREATHING_PACER (widget);
  GtkStyleContext *style = gtk_widget_get_style_context (widget);
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *countdown = NULL;
  g_autofree char *text = NULL;
  PangoAttrList *text_attrs;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int text_width, text_height;
  GdkRGBA fill = { 0.21f, 0.52f, 0.89f, 1.0f };
  GdkRGBA text_color;
  GdkRGBA faint;
  float cx, cy, max_radius, min_radius, radius, area;
  guint remaining_ms;
  double size;
  GdkFrameClock *frame_clock;
  gint64 now;

  /* The accent colour follows the desktop's style, light or dark. */
  gtk_style_context_lookup_color (style, "accent_bg_color", &fill);
  gtk_style_context_get_color (style, &text_color);

  /* The frame's own time, so that the picture matches the moment it is
   * shown even when the frame is a little late.
   */
  frame_clock = gtk_widget_get_frame_clock (widget);
  now = frame_clock != NULL ? gdk_frame_clock_get_frame_time (frame_clock)
                            : g_get_monotonic_time ();
  text = dup_text (self, now, &countdown);
  get_position (self, now, &size, &remaining_ms);

  layout = gtk_widget_create_pango_layout (widget, text);
  text_attrs = pango_attr_list_new ();
  pango_attr_list_insert (text_attrs, pango_attr_scale_new (1.2));
  pango_layout_set_attributes (layout, text_attrs);
  pango_attr_list_unref (text_attrs);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_width (layout, MAX (width - 2 * PADDING, 1) * PANGO_SCALE);
  pango_layout_get_pixel_size (layout, &text_width, &text_height);

  area = MIN (width, height - text_height - TEXT_SPACING - PADDING) - 2 * PADDING;
  if (area <= 0)
    return;

  cx = width / 2.0f;
  cy = (height - text_height - TEXT_SPACING - PADDING) / 2.0f;
  max_radius = area / 2.0f - 2.0f;
  min_radius = max_radius * 0.45f;
  self->min_radius = min_radius;
  self->max_radius = max_radius;
  radius = min_radius + (max_radius - min_radius) * (float) size;

  /* A faint outline shows where a full breath reaches. */
  faint = fill;
  faint.alpha = 0.25f;
  append_ring (snapshot, cx, cy, max_radius, 2.0f, &faint);

  fill.alpha = self->running ? 0.85f : 0.45f;
  append_disc (snapshot, cx, cy, radius, &fill);

  if (countdown != NULL)
    {
      g_autoptr(PangoLayout) number = gtk_widget_create_pango_layout (widget, countdown);
      PangoAttrList *attrs = pango_attr_list_new ();
      GdkRGBA on_fill = { 1.0f, 1.0f, 1.0f, 1.0f };
      int number_width, number_height;

      gtk_style_context_lookup_color (style, "accent_fg_color", &on_fill);
      pango_attr_list_insert (attrs, pango_attr_scale_new (3.0));
      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_LIGHT));
      pango_layout_set_attributes (number, attrs);
      pango_attr_list_unref (attrs);
      pango_layout_get_pixel_size (number, &number_width, &number_height);

      append_layout_at (snapshot, number,
                        cx - number_width / 2.0f, cy - number_height / 2.0f, &on_fill);
    }

  append_layout_at (snapshot, layout, PADDING, height - text_height - PADDING, &text_color);
}

static void
lento_breathing_pacer_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = NATURAL_WIDTH;
    }
  else
    {
      *minimum = MIN_HEIGHT;
      *natural = NATURAL_HEIGHT;
    }
}

static void
lento_breathing_pacer_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (lento_breathing_pacer_parent_class)->map (widget);

  update_ticking (LENTO_BREATHING_PACER (widget));
}

static void
lento_breathing_pacer_unmap (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (lento_breathing_pacer_parent_class)->unmap (widget);

  update_ticking (LENTO_BREATHING_PACER (widget));
}

static void
lento_breathing_pacer_root (GtkWidget *widget)
{
  LentoBreathingPacer *self = LENTO_BREATHING_PACER (widget);

  GTK_WIDGET_CLASS (lento_breathing_pacer_parent_class)->root (widget);

  self->settings = gtk_widget_get_settings (widget);
  self->animations_changed_id =
    g_signal_connect_object (self->settings, "notify::gtk-enable-animations",
                             G_CALLBACK (animations_changed_cb), self, G_CONNECT_SWAPPED);
  read_animations_setting (self);
}

static void
lento_breathing_pacer_unroot (GtkWidget *widget)
{
  LentoBreathingPacer *self = LENTO_BREATHING_PACER (widget);

  g_clear_signal_handler (&self->animations_changed_id, self->settings);
  self->settings = NULL;

  GTK_WIDGET_CLASS (lento_breathing_pacer_parent_class)->unroot (widget);
}

static void
lento_breathing_pacer_dispose (GObject *object)
{
  LentoBreathingPacer *self = (LentoBreathingPacer *)object;

  g_clear_handle_id (&self->frame_id, g_source_remove);
  g_clear_handle_id (&self->countdown_id, g_source_remove);

  if (self->settings != NULL)
    {
      g_clear_signal_handler (&self->animations_changed_id, self->settings);
      self->settings = NULL;
    }

  G_OBJECT_CLASS (lento_breathing_pacer_parent_class)->dispose (object);
}

static void
lento_breathing_pacer_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  LentoBreathingPacer *self = LENTO_BREATHING_PACER (object);

  switch (prop_id)
    {
    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;

    case PROP_INHALE_MS:
      g_value_set_uint (value, self->inhale_ms);
      break;

    case PROP_EXHALE_MS:
      g_value_set_uint (value, self->exhale_ms);
      break;

    case PROP_PRESET:
      g_value_set_enum (value, self->preset);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lento_breathing_pacer_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  LentoBreathingPacer *self = LENTO_BREATHING_PACER (object);

  switch (prop_id)
    {
    case PROP_RUNNING:
      lento_breathing_pacer_set_running (self, g_value_get_boolean (value));
      break;

    case PROP_INHALE_MS:
      lento_breathing_pacer_set_rhythm (self, g_value_get_uint (value), self->exhale_ms);
      break;

    case PROP_EXHALE_MS:
      lento_breathing_pacer_set_rhythm (self, self->inhale_ms, g_value_get_uint (value));
      break;

    case PROP_PRESET:
      lento_breathing_pacer_set_preset (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lento_breathing_pacer_class_init (LentoBreathingPacerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lento_breathing_pacer_dispose;
  object_class->get_property = lento_breathing_pacer_get_property;
  object_class->set_property = lento_breathing_pacer_set_property;

  widget_class->snapshot = lento_breathing_pacer_snapshot;
  widget_class->measure = lento_breathing_pacer_measure;
  widget_class->map = lento_breathing_pacer_map;
  widget_class->unmap = lento_breathing_pacer_unmap;
  widget_class->root = lento_breathing_pacer_root;
  widget_class->unroot = lento_breathing_pacer_unroot;

  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_INHALE_MS] =
    g_param_spec_uint ("inhale-ms", NULL, NULL,
                       LENTO_BREATHING_PACER_MIN_MS, LENTO_BREATHING_PACER_MAX_MS, 4000,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_EXHALE_MS] =
    g_param_spec_uint ("exhale-ms", NULL, NULL,
                       LENTO_BREATHING_PACER_MIN_MS, LENTO_BREATHING_PACER_MAX_MS, 6000,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PRESET] =
    g_param_spec_enum ("preset", NULL, NULL,
                       LENTO_TYPE_BREATHING_PRESET, LENTO_BREATHING_PRESET_GENTLE,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "breathingpacer");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
lento_breathing_pacer_init (LentoBreathingPacer *self)
{
  self->inhale_ms = 4000;
  self->exhale_ms = 6000;
  self->preset = LENTO_BREATHING_PRESET_GENTLE;

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Breathing guide"),
                                  -1);
  update_accessible_description (self);
}

/**
 * lento_breathing_pacer_new:
 *
 * Returns: (transfer full): a new breathing guide, not running, with the
 *   gentle rhythm
 */
GtkWidget *
lento_breathing_pacer_new (void)
{
  return g_object_new (LENTO_TYPE_BREATHING_PACER, NULL);
}

/**
 * lento_breathing_pacer_get_running:
 * @self: a #LentoBreathingPacer
 *
 * Returns: whether the guide is breathing
 */
gboolean
lento_breathing_pacer_get_running (LentoBreathingPacer *self)
{
  g_return_val_if_fail (LENTO_IS_BREATHING_PACER (self), FALSE);

  return self->running;
}

/**
 * lento_breathing_pacer_set_running:
 * @self: a #LentoBreathingPacer
 * @running: whether the guide should breathe
 *
 * Starts the guide at the beginning of an in-breath, or lets it rest.
 */
void
lento_breathing_pacer_set_running (LentoBreathingPacer *self,
                                   gboolean             running)
{
  g_return_if_fail (LENTO_IS_BREATHING_PACER (self));

  running = !!running;
  if (self->running == running)
    return;

  self->running = running;
  update_ticking (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

/**
 * lento_breathing_pacer_get_inhale_ms:
 * @self: a #LentoBreathingPacer
 *
 * Returns: the length of the in-breath in milliseconds
 */
guint
lento_breathing_pacer_get_inhale_ms (LentoBreathingPacer *self)
{
  g_return_val_if_fail (LENTO_IS_BREATHING_PACER (self), 0);

  return self->inhale_ms;
}

/**
 * lento_breathing_pacer_get_exhale_ms:
 * @self: a #LentoBreathingPacer
 *
 * Returns: the length of the out-breath in milliseconds
 */
guint
lento_breathing_pacer_get_exhale_ms (LentoBreathingPacer *self)
{
  g_return_val_if_fail (LENTO_IS_BREATHING_PACER (self), 0);

  return self->exhale_ms;
}

static LentoBreathingPreset
find_preset (guint inhale_ms,
             guint exhale_ms)
{
  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    {
      if (presets[i].inhale_ms == inhale_ms && presets[i].exhale_ms == exhale_ms)
        return presets[i].preset;
    }

  return LENTO_BREATHING_PRESET_CUSTOM;
}

/**
 * lento_breathing_pacer_set_rhythm:
 * @self: a #LentoBreathingPacer
 * @inhale_ms: the in-breath, from %LENTO_BREATHING_PACER_MIN_MS to
 *   %LENTO_BREATHING_PACER_MAX_MS milliseconds
 * @exhale_ms: the out-breath, in the same range
 *
 * Sets the rhythm; the preset follows (custom unless it matches one). A
 * running guide starts again with an in-breath.
 */
void
lento_breathing_pacer_set_rhythm (LentoBreathingPacer *self,
                                  guint                inhale_ms,
                                  guint                exhale_ms)
{
  LentoBreathingPreset preset;

  g_return_if_fail (LENTO_IS_BREATHING_PACER (self));
  g_return_if_fail (inhale_ms >= LENTO_BREATHING_PACER_MIN_MS &&
                    inhale_ms <= LENTO_BREATHING_PACER_MAX_MS);
  g_return_if_fail (exhale_ms >= LENTO_BREATHING_PACER_MIN_MS &&
                    exhale_ms <= LENTO_BREATHING_PACER_MAX_MS);

  g_object_freeze_notify (G_OBJECT (self));

  if (self->inhale_ms != inhale_ms)
    {
      self->inhale_ms = inhale_ms;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INHALE_MS]);
    }

  if (self->exhale_ms != exhale_ms)
    {
      self->exhale_ms = exhale_ms;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXHALE_MS]);
    }

  preset = find_preset (inhale_ms, exhale_ms);
  if (self->preset != preset)
    {
      self->preset = preset;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRESET]);
    }

  self->origin = g_get_monotonic_time ();
  if (self->countdown_id != 0 || self->frame_id != 0)
    {
      g_clear_handle_id (&self->countdown_id, g_source_remove);
      g_clear_handle_id (&self->frame_id, g_source_remove);
      update_ticking (self);
    }

  update_accessible_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * lento_breathing_pacer_get_preset:
 * @self: a #LentoBreathingPacer
 *
 * Returns: the preset the rhythm matches, or %LENTO_BREATHING_PRESET_CUSTOM
 */
LentoBreathingPreset
lento_breathing_pacer_get_preset (LentoBreathingPacer *self)
{
  g_return_val_if_fail (LENTO_IS_BREATHING_PACER (self), LENTO_BREATHING_PRESET_CUSTOM);

  return self->preset;
}

/**
 * lento_breathing_pacer_set_preset:
 * @self: a #LentoBreathingPacer
 * @preset: a #LentoBreathingPreset
 *
 * Sets the rhythm of @preset. %LENTO_BREATHING_PRESET_CUSTOM keeps the
 * current rhythm.
 */
void
lento_breathing_pacer_set_preset (LentoBreathingPacer  *self,
                                  LentoBreathingPreset  preset)
{
  guint inhale_ms;
  guint exhale_ms;

  g_return_if_fail (LENTO_IS_BREATHING_PACER (self));

  if (lento_breathing_preset_get_rhythm (preset, &inhale_ms, &exhale_ms))
    {
      lento_breathing_pacer_set_rhythm (self, inhale_ms, exhale_ms);
    }
  else if (self->preset != preset)
    {
      self->preset = preset;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRESET]);
    }
}

/**
 * lento_breathing_pacer_get_breath:
 * @self: a #LentoBreathingPacer
 *
 * Returns: whether the guide is in an in-breath or an out-breath now
 */
LentoBreath
lento_breathing_pacer_get_breath (LentoBreathingPacer *self)
{
  double size;
  guint remaining_ms;

  g_return_val_if_fail (LENTO_IS_BREATHING_PACER (self), LENTO_BREATH_IN);

  return get_position (self, g_get_monotonic_time (), &size, &remaining_ms);
}

/**
 * lento_breathing_pacer_get_animating:
 * @self: a #LentoBreathingPacer
 *
 * Tells whether the guide currently redraws by itself, with a frame timeout
 * or a countdown timeout. It does only while mapped and running.
 *
 * Returns: %TRUE while something wakes the guide up
 */
gboolean
lento_breathing_pacer_get_animating (LentoBreathingPacer *self)
{
  g_return_val_if_fail (LENTO_IS_BREATHING_PACER (self), FALSE);

  return self->frame_id != 0 || self->countdown_id != 0;
}

/**
 * lento_breathing_pacer_get_reduced_motion:
 * @self: a #LentoBreathingPacer
 *
 * Returns: %TRUE when the desktop asked for no animations and the guide
 *   shows a text countdown instead of a moving circle
 */
gboolean
lento_breathing_pacer_get_reduced_motion (LentoBreathingPacer *self)
{
  g_return_val_if_fail (LENTO_IS_BREATHING_PACER (self), FALSE);

  return self->reduced_motion;
}

/**
 * lento_breathing_pacer_dup_text:
 * @self: a #LentoBreathingPacer
 *
 * Returns: (transfer full): the words the guide shows now, with the
 *   countdown number first when it shows one
 */
char *
lento_breathing_pacer_dup_text (LentoBreathingPacer *self)
{
  g_autofree char *countdown = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (LENTO_IS_BREATHING_PACER (self), NULL);

  text = dup_text (self, g_get_monotonic_time (), &countdown);
  if (countdown == NULL)
    return g_steal_pointer (&text);

  /* Translators: what the breathing guide shows: the seconds left, like “3”, then
   * what to do, like “Breathe in, let the pelvic floor drop”.
   */
  return g_strdup_printf (C_("breathing guide", "%s %s"), countdown, text);
}
