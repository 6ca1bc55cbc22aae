DROP INDEX threads_by_activity;
