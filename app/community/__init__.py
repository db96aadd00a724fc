"""Hamlets, their community digital-technology teams, the teams' activity log and monthly report."""
