/* placeholder: filled in by the JSON core work */
#include "config.h"
#include "actorscope.h"

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  return g_test_run ();
}
