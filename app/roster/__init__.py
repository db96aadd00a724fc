"""The duty roster: who helps citizens file online at the counter, on which days."""
