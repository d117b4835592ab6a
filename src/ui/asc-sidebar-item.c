/* asc-sidebar-item.c
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-sidebar"

#include "config.h"

#include "asc-sidebar-item.h"

struct _AscSidebarItem
{
  GObject             parent_instance;

  char               *title;
  char               *subtitle;
  char               *icon_name;
  char               *status;
  char               *type_name;
  GListStore         *children;
  AscActor           *actor;
  gpointer            session;   /* weak: the session owns its items */
  AscSidebarItemKind  kind;
};

G_DEFINE_FINAL_TYPE (AscSidebarItem, asc_sidebar_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_HAS_SUBTITLE,
  PROP_ICON_NAME,
  PROP_STATUS,
  PROP_TYPE_NAME,
  PROP_ACTOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void
asc_sidebar_item_dispose (GObject *object)
{
  AscSidebarItem *self = ASC_SIDEBAR_ITEM (object);

  g_clear_object (&self->children);
  g_clear_object (&self->actor);
  g_clear_weak_pointer (&self->session);

  G_OBJECT_CLASS (asc_sidebar_item_parent_class)->dispose (object);
}

static void
asc_sidebar_item_finalize (GObject *object)
{
  AscSidebarItem *self = ASC_SIDEBAR_ITEM (object);

  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->icon_name);
  g_free (self->status);
  g_free (self->type_name);

  G_OBJECT_CLASS (asc_sidebar_item_parent_class)->finalize (object);
}

static void
asc_sidebar_item_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AscSidebarItem *self = ASC_SIDEBAR_ITEM (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_uint (value, self->kind);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;
    case PROP_HAS_SUBTITLE:
      g_value_set_boolean (value, self->subtitle != NULL && self->subtitle[0] != '\0');
      break;
    case PROP_ICON_NAME:
      g_value_set_string (value, self->icon_name);
      break;
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    case PROP_TYPE_NAME:
      g_value_set_string (value, self->type_name);
      break;
    case PROP_ACTOR:
      g_value_set_object (value, self->actor);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
asc_sidebar_item_class_init (AscSidebarItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = asc_sidebar_item_dispose;
  object_class->finalize = asc_sidebar_item_finalize;
  object_class->get_property = asc_sidebar_item_get_property;

  properties[PROP_KIND] = g_param_spec_uint ("kind", NULL, NULL, 0, ASC_SIDEBAR_ITEM_INSTANCE, 0, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_SUBTITLE] = g_param_spec_string ("subtitle", NULL, NULL, NULL, flags);
  properties[PROP_HAS_SUBTITLE] = g_param_spec_boolean ("has-subtitle", NULL, NULL, FALSE, flags);
  properties[PROP_ICON_NAME] = g_param_spec_string ("icon-name", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, NULL, flags);
  properties[PROP_TYPE_NAME] = g_param_spec_string ("type-name", NULL, NULL, NULL, flags);
  properties[PROP_ACTOR] = g_param_spec_object ("actor", NULL, NULL, ASC_TYPE_ACTOR, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
asc_sidebar_item_init (AscSidebarItem *self)
{
}

AscSidebarItem *
asc_sidebar_item_new (AscSidebarItemKind  kind,
                      const char         *title)
{
  AscSidebarItem *self = g_object_new (ASC_TYPE_SIDEBAR_ITEM, NULL);

  self->kind = kind;
  self->title = g_strdup (title);
  if (kind != ASC_SIDEBAR_ITEM_INSTANCE)
    self->children = g_list_store_new (ASC_TYPE_SIDEBAR_ITEM);

  return self;
}

AscSidebarItemKind
asc_sidebar_item_get_kind (AscSidebarItem *self)
{
  return self->kind;
}

const char *
asc_sidebar_item_get_title (AscSidebarItem *self)
{
  return self->title;
}

void
asc_sidebar_item_set_title (AscSidebarItem *self,
                            const char     *title)
{
  if (set_string (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
asc_sidebar_item_get_subtitle (AscSidebarItem *self)
{
  return self->subtitle;
}

void
asc_sidebar_item_set_subtitle (AscSidebarItem *self,
                               const char     *subtitle)
{
  if (set_string (&self->subtitle, subtitle))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBTITLE]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_SUBTITLE]);
    }
}

const char *
asc_sidebar_item_get_icon_name (AscSidebarItem *self)
{
  return self->icon_name;
}

void
asc_sidebar_item_set_icon_name (AscSidebarItem *self,
                                const char     *icon_name)
{
  if (set_string (&self->icon_name, icon_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ICON_NAME]);
}

const char *
asc_sidebar_item_get_status (AscSidebarItem *self)
{
  return self->status;
}

/* A short word for the row's state, read out as its tooltip and
 * accessible description: the icon is never the only clue. */
void
asc_sidebar_item_set_status (AscSidebarItem *self,
                             const char     *status)
{
  if (set_string (&self->status, status))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

/**
 * asc_sidebar_item_get_children:
 *
 * Returns: (transfer none) (nullable): the child rows; %NULL for instances
 */
GListStore *
asc_sidebar_item_get_children (AscSidebarItem *self)
{
  return self->children;
}

gpointer
asc_sidebar_item_get_session (AscSidebarItem *self)
{
  return self->session;
}

void
asc_sidebar_item_set_session (AscSidebarItem *self,
                              gpointer        session)
{
  g_set_weak_pointer (&self->session, session);
}

const char *
asc_sidebar_item_get_type_name (AscSidebarItem *self)
{
  return self->type_name;
}

void
asc_sidebar_item_set_type_name (AscSidebarItem *self,
                                const char     *type_name)
{
  if (set_string (&self->type_name, type_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TYPE_NAME]);
}

AscActor *
asc_sidebar_item_get_actor (AscSidebarItem *self)
{
  return self->actor;
}

void
asc_sidebar_item_set_actor (AscSidebarItem *self,
                            AscActor       *actor)
{
  if (g_set_object (&self->actor, actor))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTOR]);
}
