#pragma once

// Everything about the fields of a scenario: the table (fields/fieldtable.h), reading and writing
// one field by its path (fields/fieldaccess.h), and its text for display and the clipboard
// (fields/fieldtext.h).
#include "fields/fieldaccess.h"
#include "fields/fieldtable.h"
#include "fields/fieldtext.h"
