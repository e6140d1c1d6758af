"""The Digital Nomad Residency timeline: milestones, the checks where clocks collide, the stay in
progress, the pilot's term and the exit-and-return plan."""
