raise ExceptionGroup('two failures', [ValueError('bad value'), TypeError('bad type')])
